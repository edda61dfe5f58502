"""Sharing without trackers: plain share links and the native Share button, in every language."""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from lxml import html

from conftest import LANGUAGES, ROOT, copy_project, page_path
from hostile import build_bypassing_the_check
from epi_site.content.i18n import interface_catalog
from epi_site.content.loading import load_content
from epi_site.project import load_project

PROJECT = load_project(ROOT)
CONTENT, _ = load_content(PROJECT)
NETWORKS = {"www.facebook.com": "Facebook", "www.linkedin.com": "LinkedIn", "x.com": "X"}


def shared_pages(lang: str) -> list[tuple[str, str | None]]:
    """(page key, the title it is shared with): every news item, and every issue (None: its page's h1)."""
    pages = [(f"news/{item.slug}", item.version(lang, PROJECT.default_language).title) for item in CONTENT.news]
    return pages + [(f"news/{issue.key}", None) for issue in CONTENT.issues]


def share_block(page: Path):
    tree = html.fromstring(page.read_bytes())
    blocks = tree.xpath("//div[@class='epi-share']")
    assert len(blocks) == 1, page
    return tree, blocks[0]


def check_links(tree, block, lang: str, title: str) -> None:
    url = tree.xpath("//link[@rel='canonical']/@href")[0]
    gettext = interface_catalog(PROJECT, lang).gettext
    links = block.xpath(".//a")
    assert len(links) == 4
    hosts = []
    for link in links:
        href = link.get("href")
        parts = urlsplit(href)
        query = parse_qs(parts.query, strict_parsing=True)
        assert set(link.get("rel").split()) >= {"noopener", "noreferrer"}
        assert link.get("target") is None, "a share link opens in the same window, as the reader expects"
        if parts.scheme == "mailto":
            assert query == {"subject": [title], "body": [url]}
            assert "+" not in href, "mailto: encodes spaces as %20 (RFC 6068)"
            assert link.get("aria-label") == gettext("Share by email (opens your email program)")
            continue
        assert parts.scheme == "https"
        network = NETWORKS[parts.hostname]
        hosts.append(parts.hostname)
        assert link.text_content() == network
        assert link.get("aria-label") == gettext("Share on %(network)s (opens another website)") % {"network": network}
        assert network in link.get("aria-label")
        expected = {"www.facebook.com": {"u": [url]}, "www.linkedin.com": {"url": [url]},
                    "x.com": {"url": [url], "text": [title]}}[parts.hostname]
        assert query == expected, href
    assert sorted(hosts) == sorted(NETWORKS)
    if lang != "en":
        assert links[0].get("aria-label") != "Share on Facebook (opens another website)", "the label is translated"
    button = block.xpath(".//button[@data-epi-share]")[0]
    assert button.get("hidden") is not None and button.get("type") == "button"
    assert (button.get("data-title"), button.get("data-url")) == (title, url)
    assert button.text_content() == gettext("Share…")
    assert not block.xpath(".//*[@onclick] | .//script")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_news_item_and_issue_has_share_links_with_its_encoded_address_and_title(site, lang):
    for key, title in shared_pages(lang):
        tree, block = share_block(page_path(site, lang, key))
        # The shared title is plain text, without the heading's no-break spaces.
        check_links(tree, block, lang, " ".join((title or tree.xpath("string(//article//h1)")).split()))


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_other_pages_have_no_share_links(site, lang):
    for path in ("", "goals", "news", "partners/riga", "timeline"):
        assert not html.fromstring(page_path(site, lang, path).read_bytes()).xpath("//*[@class='epi-share']"), path


# --- a title with every character that matters in an address, through a real build -------------

AWKWARD = 'Q&A: 50% "off"? #1 + a/b = ü </script>'


@pytest.fixture(scope="module")
def awkward_site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("awkward") / "project")
    (root / "content/news/2021-02-03-awkward.en.md").write_text(
        f"---\ntitle: '{AWKWARD}'\ndate: 2021-02-03\npublished: 2026-11-24\nsummary: A summary.\n---\n\nBody.\n",
        encoding="utf-8")
    _, problems = load_content(load_project(root))
    assert [p.message for p in problems] == ["'title' holds markup (</script>), which the site would show as typed"]
    site = root.parent / "site"
    build_bypassing_the_check(root, site)  # the markup is refused as unsafe; behind the check it is text
    return site


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_an_awkward_title_is_encoded_whole_and_an_untranslated_item_shares_its_english_page(awkward_site, lang):
    tree, block = share_block(page_path(awkward_site, lang, "news/2021-02-03-awkward"))
    check_links(tree, block, lang, AWKWARD)
    url = tree.xpath("//link[@rel='canonical']/@href")[0]
    assert url == "https://www.epi-project.com/news/2021-02-03-awkward/"  # the text is English in every language
    x = block.xpath(".//a[contains(@href,'x.com')]/@href")[0]
    assert "Q%26A%3A%2050%25%20%22off%22%3F%20%231%20%2B%20a%2Fb%20%3D%20%C3%BC%20%3C%2Fscript%3E" in x


# --- in a browser: no request until a click; the Share button only with the Web Share API --------

playwright_api = pytest.importorskip("playwright.sync_api")
from axe_playwright_python.sync_playwright import Axe  # noqa: E402

from chromium import browser  # noqa: E402,F401  the same Chromium as the other browser tests

STUB = """
window.__shared = [];
Object.defineProperty(Navigator.prototype, "share", {configurable: true, writable: true,
  value: function (data) { window.__shared.push(data); return Promise.resolve(); }});
"""
NO_SHARE = 'delete Navigator.prototype.share; delete navigator.share;'


def inline_script_hashes(site: Path) -> str:
    """CSP sources for the pages' own inline scripts (the colour scheme), which are not this test's subject:
    JSON-LD blocks get no hash, so a browser that treated them as scripts would report a violation."""
    hashes = set()
    for page in site.rglob("index.html"):
        for script in html.fromstring(page.read_bytes()).xpath("//script[not(@src)][not(@type)]"):
            digest = hashlib.sha256((script.text or "").encode()).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return " ".join(sorted(hashes))


@pytest.fixture(scope="module")
def strict_server(site):
    """The built site, served with a Content Security Policy that forbids inline scripts and handlers."""
    policy = f"default-src 'self'; script-src 'self' {inline_script_hashes(site)}; style-src 'self' 'unsafe-inline'; " \
             "img-src 'self' data:; object-src 'none'; base-uri 'none'"

    class Handler(http.server.SimpleHTTPRequestHandler):
        def end_headers(self):
            self.send_header("Content-Security-Policy", policy)
            super().end_headers()

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def open_page(browser, server, lang, key, init_script):
    context = browser.new_context()
    context.add_init_script(init_script)
    page = context.new_page()
    requests, problems = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    prefix = "" if lang == "en" else f"{lang}/"
    page.goto(server + prefix + (f"{key}/" if key else ""))
    page.wait_for_load_state("load")
    return context, page, requests, problems


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_request_until_a_click_and_no_share_button_without_the_web_share_api(browser, strict_server, lang):
    host = urlsplit(strict_server).netloc
    for key in ("news/2020-01-01-epi-starts", "news/2020-q1", "", "partners/riga"):
        context, page, requests, problems = open_page(browser, strict_server, lang, key, NO_SHARE)
        assert all(urlsplit(r).netloc == host for r in requests), [r for r in requests if host not in r]
        assert not problems, f"{lang}/{key}: {problems}"  # no CSP violation, no script error
        if key.startswith("news/"):
            assert page.locator("a[href^='https://www.facebook.com/']").is_visible()
            assert not page.locator("[data-epi-share]").is_visible()
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_share_button_shows_with_the_web_share_api_and_shares_the_page(browser, strict_server, lang):
    axe = Axe()
    for key in ("news/partnership", "news/2020-q1"):
        context, page, requests, problems = open_page(browser, strict_server, lang, key, STUB)
        button = page.locator("[data-epi-share]")
        assert button.is_visible()
        canonical = page.get_attribute("link[rel='canonical']", "href")
        # The heading's no-break spaces are the page's typography; what is shared is plain text, as og:title.
        title = page.locator("article h1").text_content().replace("\u00a0", " ")
        button.click()
        page.wait_for_function("() => window.__shared.length === 1")
        assert page.evaluate("window.__shared") == [{"title": title, "url": canonical}]
        assert not problems, f"{lang}/{key}: {problems}"
        assert all(urlsplit(r).netloc == urlsplit(strict_server).netloc for r in requests)
        violations = axe.run(page).response["violations"]
        assert not violations, [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
        context.close()
