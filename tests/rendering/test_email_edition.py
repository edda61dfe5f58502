"""rendering/email_edition.py: the email edition in EPI's identity, as a mail client shows it."""

from __future__ import annotations

import pytest
from lxml import html

from conftest import LANGUAGES, ROOT, page_path
from epi_site.content.i18n import interface_catalog
from epi_site.project import load_project
from epi_site.rendering.typography import bind

PROJECT = load_project(ROOT)


def _editions(site, lang):
    prefix = "" if lang == "en" else f"{lang}/"
    editions = sorted((site / prefix / "news").glob("*/email.html"))
    assert editions
    return editions


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_lockup_comes_first_then_the_wordmark_on_a_gold_rule(site, lang):
    t = interface_catalog(PROJECT, lang)
    for path in _editions(site, lang):
        tree = html.fromstring(path.read_bytes())
        order = [el for el in tree.iter() if el.tag in ("img", "h1") or el.get("class") == "wordmark-cell"]
        assert [el.tag for el in order] == ["img", "td", "h1"], path  # emblem, wordmark, title
        emblem = order[0]
        assert emblem.getparent().getnext().text_content().strip() == t.gettext("Funded by the European Union")
        # If the client blocks images, the alternative still reads as the flag: white on EU blue.
        assert "background-color: #003399" in emblem.get("style") and emblem.get("alt")
        assert order[1].text_content().strip() == "EPI" and "#ffcc00" in order[1].get("style")
        band = order[2].getparent()
        assert "border-bottom: 6px solid #ffcc00" in band.get("style")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_style_is_inline_and_nothing_is_fetched_but_the_emblem(site, lang):
    for path in _editions(site, lang):
        tree = html.fromstring(path.read_bytes())
        assert not tree.xpath("//style | //link | //script")
        unstyled = [el.get("class") for el in tree.xpath("//*[@class]") if not el.get("style")]
        assert not unstyled, unstyled  # a class the stylesheet forgot, or css-inline did not apply
        assert [img.get("src") for img in tree.xpath("//img")] == [PROJECT.absolute("assets/eu-emblem.png")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_browser_link_one_button_per_item_and_an_address_that_never_breaks(site, lang):
    t = interface_catalog(PROJECT, lang)
    for path in _editions(site, lang):
        tree = html.fromstring(path.read_bytes())
        browser = tree.xpath("//p[@class='browser']/a")[0]
        assert browser.text_content() == bind(t.gettext("Read this issue in your browser"), lang)
        issue = path.parent.name
        assert browser.get("href") == PROJECT.absolute(str(page_path(site, lang, f"news/{issue}").parent
                                                           .relative_to(site)) + "/")
        entries = tree.xpath("//td[@class='entry']")
        assert entries
        for entry in entries:
            title = entry.xpath(".//h2/a")[0]
            buttons = entry.xpath(".//td[@class='button-cell']/a")
            assert len(buttons) == 1 and buttons[0].get("href") == title.get("href")
            assert buttons[0].text_content() == t.gettext("Read more")
            # The label is an attribute, where no space binds: the visible title has its no-break spaces.
            shown = title.text_content().replace("\u00a0", " ")
            assert buttons[0].get("aria-label") == f"{t.gettext('Read more')}: {shown}"
        mail = tree.xpath("//a[starts-with(@href, 'mailto:')]")[0]
        assert "white-space: nowrap" in mail.get("style")
        text = path.with_name("email.txt").read_text(encoding="utf-8")
        assert f"{bind(t.gettext('Read this issue in your browser'), lang)}: {browser.get('href')}" in text
