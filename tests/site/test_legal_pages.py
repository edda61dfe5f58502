"""The privacy notice (GDPR Art. 13) and the accessibility statement (the EU model of Implementing
Decision (EU) 2018/1523) carry every required element in every language."""

from __future__ import annotations

import re

import pytest
from lxml import html

from conftest import LANGUAGES, page_path

PRIVACY_SECTIONS = 8  # responsible, host, data/purposes/basis, no cookies, browser, rights, complaint, date
STATEMENT_SECTIONS = 5  # status, non-accessible content, preparation, feedback, enforcement


def article(site, lang: str, key: str):
    tree = html.fromstring(page_path(site, lang, key).read_bytes())
    return tree.xpath("//article")[0]


def text(element) -> str:
    return " ".join(element.text_content().split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_privacy_notice_has_every_element_of_article_13(site, lang):
    body = article(site, lang, "privacy")
    words = text(body)
    assert len(body.xpath(".//h2")) == PRIVACY_SECTIONS
    # Who is responsible: the publisher from content/site.yml, with its contact address.
    publisher = body.xpath(".//dl[contains(@class, 'epi-publisher')]")
    assert len(publisher) == 1 and "PATRIR" in text(publisher[0])
    # The host, and what it records.
    assert "GitHub Pages" in words and "IP" in words
    assert body.xpath(".//a[starts-with(@href, 'https://docs.github.com/')]"), "GitHub's own documentation is cited"
    # The regulation, the legal basis, the rights (Art. 15-18 and 21) and the complaint (Art. 77).
    assert "2016/679" in words
    for number in ("6", "15", "16", "17", "18", "21", "77"):
        assert re.search(rf"(?<![\d/]){number}(?!\d)", words), f"article {number}"
    # Where to exercise the rights, and the notice's date.
    assert "mailto:hello@epi-project.com" in body.xpath(".//a/@href")
    assert "2026" in text(body.xpath(".//h2")[-1].getnext())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_accessibility_statement_follows_the_eu_model(site, lang):
    body = article(site, lang, "accessibility")
    words = text(body)
    sections = body.xpath(".//h2")
    assert len(sections) == STATEMENT_SECTIONS
    assert "2016/2102" in words and "EN 301 549" in words and "WCAG" in words and "2.1" in words
    # The status is stated in bold, and follows from the non-accessible content listed after it.
    status = sections[0].getnext()
    assert status.xpath(".//strong")
    assert "1.4.5" in text(body), "the non-accessible content names the criterion it fails"
    # Preparation: the date and the method; feedback: the contact; enforcement: links to the publisher.
    assert "2026" in words
    assert "mailto:hello@epi-project.com" in body.xpath(".//a/@href")
    assert any(href.rstrip("/").endswith("privacy") for href in body.xpath(".//a/@href"))
