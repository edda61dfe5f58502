"""Every internal link and anchor of the built site resolves, in every language; every feed,
sitemap and CSV file parses."""

from __future__ import annotations

import csv
import io
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree, html

from conftest import html_pages

SITE_URL = "https://www.epi-project.com/"


@cache
def ids_of(path: Path) -> frozenset[str]:
    tree = html.fromstring(path.read_bytes())
    return frozenset(tree.xpath("//@id") + tree.xpath("//a/@name"))


def target_of(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    folder = page.parent.relative_to(site).as_posix()
    base = SITE_URL + ("" if folder == "." else folder + "/")
    parts = urlsplit(urljoin(base, href))
    if parts.scheme not in ("http", "https") or parts.netloc != "www.epi-project.com":
        return None
    path = unquote(parts.path).lstrip("/")
    target = site / path
    if path == "" or path.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment


def test_every_internal_link_and_anchor_resolves(site):
    checked, broken = 0, []
    for page in html_pages(site) + sorted(site.rglob("email.html")):
        tree = html.fromstring(page.read_bytes())
        for element, attribute in ((e, a) for a in ("href", "src") for e in tree.xpath(f"//*[@{a}]")):
            value = element.get(attribute)
            if value.startswith(("mailto:", "data:")):
                continue
            found = target_of(site, page, value)
            if found is None:
                continue
            target, fragment = found
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {value} -> missing {target.relative_to(site)}")
            elif fragment and target.suffix == ".html" and fragment not in ids_of(target):
                broken.append(f"{page.relative_to(site)}: {value} -> no #{fragment}")
    assert checked > 10_000
    assert not broken, "\n".join(broken[:20])


def test_every_csv_parses_with_its_header(site):
    files = sorted(site.rglob("*.csv"))
    assert len(files) == 4 * 8
    for path in files:
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
        assert rows and set(rows[0]) == {"dataset", "area", "year", "key", "label", "value", "unit", "approximate",
                                         "source"}
        for row in rows:
            float(row["value"])


def test_every_xml_file_parses(site):
    files = sorted(site.rglob("*.xml"))
    assert len(files) == 1 + 4 * 8  # one sitemap; per language, two feeds of news and two of the newsletter
    for path in files:
        etree.parse(str(path))
