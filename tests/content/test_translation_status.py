"""Readers of a translation older than its English text are told so, in their language, with a link to the English."""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import urljoin

import pytest
from lxml import html

from conftest import LANGUAGES, build

SITE_URL = "https://example.org/"
OTHERS = [lang for lang in LANGUAGES if lang != "en"]
# The notice's first words in each language, as the catalogs give them (locales/*.po).
WORDS = {"sv": "Den här översättningen", "ro": "Această traducere", "it": "Questa traduzione",
         "es": "Es posible que esta traducción", "de": "Diese Übersetzung", "pl": "To tłumaczenie",
         "lv": "Šis tulkojums"}
# A docs page, a news item and a partner text, with where the reader meets each.
TEXTS = {"docs/approach.en.md": "approach", "content/news/2020-01-01-epi-starts.en.md": "news/2020-01-01-epi-starts",
         "content/partners/riga.en.md": "partners/riga"}


def _notices(site, lang, path):
    page = site / lang / path / "index.html"
    tree = html.fromstring(page.read_bytes())
    return tree.xpath("//article//p[contains(@class,'epi-notice--outdated')]")


def _mark(root, files):
    return subprocess.run([sys.executable, "-P", "-m", "epi_site.check", "--mark-translated", *files],
                          capture_output=True, text=True, cwd=root)


@pytest.mark.slow
def test_outdated_translations_say_so_until_marked_up_to_date(scratch, tmp_path):
    for source in TEXTS:
        path = scratch / source
        path.write_text(path.read_text(encoding="utf-8") + "\nOne more sentence in English.\n", encoding="utf-8")
    site = tmp_path / "site"
    result = build(scratch, site)
    assert result.returncode == 0, result.stderr
    for lang in OTHERS:
        for path in TEXTS.values():
            notices = _notices(site, lang, path)
            assert len(notices) == 1, (lang, path)
            notice = notices[0]
            assert notice.text_content().startswith(WORDS[lang]), (lang, notice.text_content())
            assert "epi-notice--translation" not in notice.get("class")  # informs, not the missing-text notice
            href = notice.xpath(".//a/@href")[0]
            target = urljoin(f"{SITE_URL}{lang}/{path}/", href)
            assert target == f"{SITE_URL}{path}/", (lang, path, href)
            assert notice.xpath(".//a/@hreflang") == ["en"]
    # Up-to-date texts and the English pages carry no notice.
    assert not _notices(site, "sv", "background") and not _notices(site, "", "approach")
    # Marking Swedish up to date removes its notice and only its notice.
    marked = _mark(scratch, [str(scratch / s.replace(".en.", ".sv.")) for s in TEXTS])
    assert marked.returncode == 0 and "marked up to date" in marked.stdout, marked.stdout
    again = _mark(scratch, [str(scratch / "docs/approach.sv.md")])
    assert "already marked up to date" in again.stdout, again.stdout
    result = build(scratch, site)
    assert result.returncode == 0, result.stderr
    for path in TEXTS.values():
        assert not _notices(site, "sv", path)
        assert len(_notices(site, "de", path)) == 1


def test_new_translation_is_not_outdated(scratch):
    from epi_site.content.loading import load_content
    from epi_site.content.translation_status import outdated_hints, status_rows
    from epi_site.project import load_project

    path = scratch / "docs/approach.sv.md"
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(line for line in text.split("\n") if not line.startswith("translated_from:")), encoding="utf-8")
    content, _ = load_content(load_project(scratch))
    rows = status_rows(content)
    row = next(r for r in rows if r.source == "docs/approach.en.md")
    assert row.statuses["sv"] == "translated" and row.unmarked == ("sv",)
    hints = outdated_hints(rows, content)
    assert [h for h in hints if h.startswith("docs/approach.sv.md")] == [
        "docs/approach.sv.md: a new translation. When it is complete, record that it matches the English with "
        "'python3 tools/dev.py check --mark-translated docs/approach.sv.md'."]


def test_an_english_edit_flagging_many_languages_gets_advice(scratch):
    from epi_site.content.loading import load_content
    from epi_site.content.translation_status import outdated_hints, status_rows
    from epi_site.project import load_project

    path = scratch / "content/partners/riga.en.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nA typo fixed.\n", encoding="utf-8")
    content, _ = load_content(load_project(scratch))
    hints = outdated_hints(status_rows(content), content)
    advice = [h for h in hints if h.startswith("content/partners/riga.en.md:")]
    assert len(advice) == 1 and "left 7 translations outdated" in advice[0] and "--mark-translated" in advice[0]
    assert len([h for h in hints if "riga." in h and "English text changed" in h]) == 7


@pytest.mark.browser
@pytest.mark.slow
def test_the_notice_in_a_browser(scratch, tmp_path):
    """Seen, legible (axe colour contrast, light and dark) and followed to the English, in every language."""
    import functools
    import http.server
    import threading

    playwright_api = pytest.importorskip("playwright.sync_api")
    from axe_playwright_python.sync_playwright import Axe

    from chromium import ARGS, CHROMIUM, QuietHandler

    path = scratch / "docs/approach.en.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more sentence in English.\n", encoding="utf-8")
    site = tmp_path / "site"
    assert build(scratch, site).returncode == 0
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    server = f"http://127.0.0.1:{httpd.server_address[1]}/"
    failures = []
    try:
        with playwright_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for scheme in ("light", "dark"):
                page = browser.new_context(color_scheme=scheme).new_page()
                for lang in OTHERS:
                    page.goto(f"{server}{lang}/approach/")
                    notice = page.locator("p.epi-notice--outdated")
                    assert notice.is_visible() and notice.inner_text().startswith(WORDS[lang])
                    for violation in Axe().run(page, options={"runOnly": ["color-contrast"]}).response["violations"]:
                        failures.append(f"{lang} {scheme}: {violation['help']}")
                    notice.locator("a").click()
                    page.wait_for_load_state()
                    assert page.url == f"{server}approach/" and page.get_attribute("html", "lang") == "en"
                page.context.close()
            browser.close()
    finally:
        httpd.shutdown()
    assert not failures, "\n".join(failures)
