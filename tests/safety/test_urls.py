"""Every URL field and every file type through the same gate, and what editors
upload (photos, PDFs, drawings, addresses in texts) checked as carefully as what they write."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from lxml import html

from conftest import LANGUAGES, ROOT, build, check, page_path
from epi_site.safety.urls import EMAIL
from hostile import build_unchecked


def _replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, fragment: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


def _json_ld(page: Path) -> str:
    tree = html.fromstring(page.read_bytes())
    return "\n".join(block.text for block in tree.xpath("//script[@type='application/ld+json']"))


# --- one rule for every web-address field ------------------------------------------------------

BAD_ADDRESSES = {
    "javascript": ("javascript:alert(document.domain)", "is not a web address"),
    "hidden javascript": ("java\tscript:alert(1)", "is not a web address"),
    "data": ("data:text/html,<script>alert(1)</script>", "is not a web address"),
    "no scheme": ("www.evil.example", "is not a web address"),
    "protocol-relative": ("//evil.example/", "is not a web address"),
    "user before host": ("https://www.epi-project.com@evil.example/", "names a user before the host"),
    "quote breaks out": ('https://evil.example/"onmouseover="alert(1)', "holds characters a web address does not"),
    "backslash": ("https:\\\\evil.example", "is not a web address"),
    "no host": ("https:///path", "names no host"),
}


def _yaml(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML string, with its tab and quotes escaped


@pytest.mark.parametrize("case", sorted(BAD_ADDRESSES))
@pytest.mark.parametrize("field", ["site.website", "site.social.url", "partner.website"])
def test_every_web_address_field_takes_the_same_rule(scratch, field, case):
    value, expected = BAD_ADDRESSES[case]
    if field == "site.website":
        path, old = scratch / "content/site.yml", "website: https://www.epi-project.com/"
        new = f"website: {_yaml(value)}"
    elif field == "site.social.url":
        path, old = scratch / "content/site.yml", "  - name: Facebook\n    url:"
        new = f"  - name: Facebook\n    url: {_yaml(value)}"
    else:
        path, old = scratch / "content/partners.yml", "  name: Pro Arbeit\n"
        new = f"  name: Pro Arbeit\n  website: {_yaml(value)}\n"
    _replace_once(path, old, new)
    result = check(scratch)
    assert result.returncode == 1, result.stdout
    line = _line_of(path, new.strip().splitlines()[-1].strip())
    assert f"{path.relative_to(scratch).as_posix()}:{line}" in result.stdout, result.stdout
    assert expected in result.stdout, result.stdout
    assert "What to do: write the full address, starting with https://" in result.stdout


def test_plain_web_addresses_pass_in_every_field(scratch, tmp_path):
    _replace_once(scratch / "content/site.yml", "  - name: Facebook\n    url:",
                  "  - name: Facebook\n    url: https://www.facebook.com/epi.project?ref=site#top")
    _replace_once(scratch / "content/partners.yml", "  name: Pro Arbeit\n",
                  "  name: Pro Arbeit\n  website: http://www.pro-arbeit.example:8080/de/(start)\n")
    result = check(scratch)
    assert result.returncode == 0, result.stdout
    site = tmp_path / "site"
    assert build(scratch, site).returncode == 0
    assert "http://www.pro-arbeit.example:8080/de/(start)" in _json_ld(page_path(site, "en", "partners/pro-arbeit/"))


def test_the_projects_website_field_never_reaches_the_json_ld_unless_it_is_a_web_address(scratch, tmp_path):
    """The site's own address is needed on every page: a wrong one stops the build with the message."""
    _replace_once(scratch / "content/site.yml", "website: https://www.epi-project.com/",
                  "website: javascript:alert(document.domain)")
    site = tmp_path / "site"
    built = build(scratch, site)
    out = built.stdout + built.stderr
    assert built.returncode != 0 and "Traceback" not in out
    assert "content/site.yml:6" in out and "'javascript:alert(document.domain)' is not a web address" in out
    assert not site.exists() or not any("javascript:" in p.read_text(errors="replace")
                                        for p in site.rglob("*.html"))


def test_a_partners_hostile_website_is_left_out_of_every_page_behind_the_check(scratch, tmp_path):
    _replace_once(scratch / "content/partners.yml", "  name: Pro Arbeit\n",
                  "  name: Pro Arbeit\n  website: \"javascript:alert(1)//https://x\"\n")
    site = tmp_path / "site"
    result = build_unchecked(scratch, site)
    assert result.returncode == 0, result.stderr[-3000:]
    for lang in LANGUAGES:
        page = page_path(site, lang, "partners/pro-arbeit/")
        assert "javascript:" not in page.read_text(encoding="utf-8"), lang
        assert not html.fromstring(page.read_bytes()).xpath("//a[starts-with(@href, 'javascript')]")


def test_a_news_items_image_outside_docs_is_never_published(scratch, tmp_path):
    item = scratch / "content/news/2020-01-01-epi-starts.en.md"
    _replace_once(item, "phase: reviews\n", "phase: reviews\nimage: /etc/passwd\nimage_alt: x\n")
    result = check(scratch)
    assert result.returncode == 1 and f"content/news/2020-01-01-epi-starts.en.md:{_line_of(item, 'image:')}" in result.stdout
    site = tmp_path / "site"
    assert build_unchecked(scratch, site).returncode == 0
    page = html.fromstring(page_path(site, "en", "news/2020-01-01-epi-starts/").read_bytes())
    assert not page.xpath("//img[contains(@src, 'passwd')]")
    assert not list(site.rglob("passwd"))


# --- mailto: links to one plain address ---------------------------------------------------------

SPY = "spy@evil.example"
BAD_MAILTO = {
    "bcc field": f"mailto:hello@epi-project.com?bcc={SPY}",
    "upper-case scheme": f"MAILTO:hello@epi-project.com?cc={SPY}",
    "second recipient, comma": f"mailto:hello@epi-project.com,{SPY}",
    "second recipient, semicolon": f"mailto:hello@epi-project.com;{SPY}",
    "encoded question mark": f"mailto:hello@epi-project.com%3Fbcc={SPY}",
    "encoded comma": f"mailto:hello@epi-project.com%2C{SPY}",
    "encoded at": "mailto:spy%40evil.example",
    "character reference": f"mailto:hello@epi-project.com&#63;bcc={SPY}",
    "body field": "mailto:hello@epi-project.com?body=Please%20send%20your%20password",
}
TEXT_KINDS = {
    "docs page": "docs/contact.en.md",
    "news item": "content/news/2020-01-01-epi-starts.en.md",
    "partner text": "content/partners/cartagena.en.md",
    "newsletter": "content/newsletter/2020-q1.en.md",
}
LINK_FORMS = {
    "inline": "Please [write to us]({target}).",
    "autolink": "Please write to <{target}>.",
    "reference": "Please [write to us][mail].\n\n[mail]: {target}",
}


def _append(path: Path, text: str) -> int:
    """Add a paragraph at the end of a text; returns its line."""
    body = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(f"{body}\n\n{text}\n", encoding="utf-8")
    return body.count("\n") + 3


@pytest.mark.parametrize("case", sorted(BAD_MAILTO))
def test_a_mailto_link_with_more_than_one_plain_address_is_refused_in_every_text(scratch, case):
    lines = {}
    for _kind, file in TEXT_KINDS.items():
        lines[file] = _append(scratch / file, LINK_FORMS["inline"].format(target=BAD_MAILTO[case]))
    result = check(scratch)
    assert result.returncode == 1, result.stdout
    for file, line in lines.items():
        assert f"{file}:{line}: the email link" in result.stdout, (file, result.stdout)
    assert "What to do: write the address only: [write to us](mailto:hello@example.org)" in result.stdout


@pytest.mark.parametrize("form", sorted(LINK_FORMS))
def test_every_way_of_writing_a_link_takes_the_mailto_rule(scratch, form):
    file = TEXT_KINDS["news item"]
    line = _append(scratch / file, LINK_FORMS[form].format(target=BAD_MAILTO["bcc field"]))
    result = check(scratch)
    assert result.returncode == 1 and f"{file}:{line + (2 if form == 'reference' else 0)}: the email link" in result.stdout, \
        result.stdout


def test_a_plain_mailto_link_passes_and_is_published(scratch, tmp_path):
    for file in TEXT_KINDS.values():
        _append(scratch / file, "Please [write to us](mailto:hello@epi-project.com) or <info@epi-project.com>.")
    assert check(scratch).returncode == 0
    site = tmp_path / "site"
    assert build(scratch, site).returncode == 0
    page = html.fromstring(page_path(site, "en", "contact/").read_bytes())
    assert page.xpath("//a[@href='mailto:hello@epi-project.com']")


def _mailto_hrefs(output: Path) -> list[str]:
    """Every mailto: address a page, feed or email edition links to (feeds hold their HTML escaped)."""
    text = output.read_text(encoding="utf-8", errors="replace")
    if output.suffix != ".html":
        text = unescape(text)
    return [unescape(href) for href in re.findall(r"""href=["']((?i:mailto:)[^"']*)""", text)]


def test_the_build_drops_every_mailto_link_that_is_not_one_plain_address(scratch, tmp_path):
    for file in TEXT_KINDS.values():
        for number, target in enumerate(BAD_MAILTO.values()):
            for form in LINK_FORMS.values():
                _append(scratch / file, form.format(target=target).replace("[mail]", f"[mail{number}]"))
    site = tmp_path / "site"
    result = build_unchecked(scratch, site)
    assert result.returncode == 0, result.stderr[-3000:]
    outputs = [p for p in site.rglob("*") if p.suffix in (".html", ".xml") and p.is_file()]
    written = [p for p in outputs if "write to us" in p.read_text(encoding="utf-8", errors="replace")]
    assert {p.suffix for p in written} == {".html", ".xml"}  # the texts reached pages and feeds, links dropped
    assert any(p.name == "email.html" for p in written)
    for output in outputs:
        for href in _mailto_hrefs(output):
            address = href[len("mailto:"):]
            # the share links' own 'mailto:?subject=…' (a template's) or one plain address
            assert address.startswith("?subject=") or EMAIL.fullmatch(address), (output, href)


# --- personal data in a text: a warning -------------------------------------------------------

NEWS = "content/news/2020-01-01-epi-starts.en.md"
PHONES = ["+46 13 123 45 67", "0761 234567", "0761234567", "+49 (0) 6074 12345", "013-12 34 56",
          "+371 67 123 456", "0721/123456", "(+39) 0544 123456"]
NOT_PHONES = ["2020-01-01", "01/01/2020", "01.01.2020", "grant agreement No 863614", "1 January 2020",
              "2020-2022", "1,200 people", "30 000 residents", "19 000 000 euro", "0,5 %", "+12,3 %",
              "10:00-12:00", "ISBN 978-3-16-148410-0"]


def _warnings(result) -> list[str]:
    """The check's personal-data warnings (a test text may draw others, such as the glossary's)."""
    return [line for line in result.stdout.splitlines()
            if line.startswith("- ") and ("private email address" in line or "telephone number" in line)]


@pytest.mark.parametrize("kind", sorted(TEXT_KINDS))
def test_a_private_email_address_in_a_text_is_a_warning(scratch, kind):
    file = TEXT_KINDS[kind]
    line = _append(scratch / file, "Thanks to Anna Svensson (anna.svensson@gmail.com) for the photos.")
    result = check(scratch)
    assert result.returncode == 0, result.stdout  # a warning, not a problem
    expected = (f"- {file}:{line}: this text holds a private email address (anna.svensson@gmail.com); "
                "it would be published in eight languages")
    assert any(w.startswith(expected) for w in _warnings(result)), result.stdout
    feeds = kind in ("news item", "newsletter")
    assert any(("the feeds" in w) == feeds for w in _warnings(result) if "anna.svensson" in w)
    assert "remove it unless the person agreed" in result.stdout


def test_a_private_email_address_in_a_news_items_summary_is_a_warning(scratch):
    path = scratch / NEWS
    _replace_once(path, "summary: ", "summary: Write to anna@private.example.se. ")
    result = check(scratch)
    assert f"{NEWS}:{_line_of(path, 'summary:')}: this text holds a private email address (anna@private.example.se)" \
        in result.stdout, result.stdout


@pytest.mark.parametrize("phone", PHONES)
def test_a_telephone_number_in_a_news_item_is_a_warning(scratch, phone):
    line = _append(scratch / NEWS, f"Call Anna on {phone} for details.")
    result = check(scratch)
    assert result.returncode == 0, result.stdout
    assert f"- {NEWS}:{line}: this text holds a telephone number ({phone})" in result.stdout, result.stdout


def test_the_projects_own_partners_and_example_addresses_are_not_private(scratch):
    _replace_once(scratch / "content/partners.yml", "  name: Pro Arbeit\n",
                  "  name: Pro Arbeit\n  website: https://www.pro-arbeit.example/\n")
    _append(scratch / NEWS, "Write to hello@epi-project.com, press@epi-project.com, info@pro-arbeit.example, "
                            "team@mail.pro-arbeit.example or hello@example.org.")
    result = check(scratch)
    assert result.returncode == 0 and not _warnings(result), result.stdout


def test_dates_grant_numbers_years_and_figures_are_not_telephone_numbers(scratch):
    _append(scratch / NEWS, "\n\n".join(f"On {value} the project reported." for value in NOT_PHONES))
    result = check(scratch)
    assert result.returncode == 0 and not _warnings(result), result.stdout


def test_the_real_sites_texts_hold_no_personal_data():
    result = check(ROOT)
    assert result.returncode == 0, result.stdout
    assert "private email address" not in result.stdout and "telephone number" not in result.stdout
