"""Many news items: the newsletter, pages and feeds stay right (volume comes from synthetic data
in a temporary folder, never from invented news in the repository)."""

from __future__ import annotations

import sys

import feedparser

from conftest import ROOT, build

sys.path.insert(0, str(ROOT / "tools"))
from synthetic import write_news



def test_two_hundred_items_in_eight_languages_build(scratch, tmp_path):
    write_news(scratch / "content/news/synthetic", 200)
    site = tmp_path / "site"
    result = build(scratch, site)
    assert result.returncode == 0, result.stdout + result.stderr
    feed = feedparser.parse((site / "pl/news/atom.xml").read_bytes())
    assert len(feed.entries) == 20 and not feed.bozo
    issues = list((site / "pl/news").glob("20??-q?/index.html"))
    assert len(issues) == 10  # every quarter from 2020 Q1 to 2022 Q2 has items
    assert len(list((site / "lv/news").glob("*-synthetic-*/index.html"))) == 200

