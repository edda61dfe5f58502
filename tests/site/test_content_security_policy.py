"""A Content Security Policy on every page, and no violation of it in a real browser."""

from __future__ import annotations

import pytest
from lxml import html

from conftest import LANGUAGES, html_pages

REQUIRED = {
    "default-src": ["'self'"], "script-src": ["'self'", "'wasm-unsafe-eval'"], "worker-src": ["'self'"], "style-src": ["'self'"],
    "img-src": ["'self'"], "object-src": ["'none'"], "base-uri": ["'self'"], "form-action": ["'self'"],
}
KINDS = {
    "home": "", "content": "goals/", "partner": "partners/cluj-napoca/", "partners index": "partners/",
    "timeline": "timeline/", "charts": "background/", "news item": "news/2020-01-01-epi-starts/",
    "newsletter issue": "news/2020-q1/", "archive": "news/", "search": "search/", "status": "status/",
    "404": "404.html",
}


def policy(page) -> dict[str, list[str]]:
    metas = page.xpath("//meta[translate(@http-equiv, 'CONTENT-SECURITY-POLICY', 'content-security-policy')"
                       " = 'content-security-policy']")
    assert len(metas) == 1
    return {d.split()[0]: d.split()[1:] for d in metas[0].get("content").split(";") if d.strip()}


def test_every_page_carries_the_policy_before_anything_it_governs(site):
    pages = html_pages(site)
    assert len(pages) > 200
    for path in pages:
        page = html.fromstring(path.read_bytes())
        found = policy(page)
        for directive, sources in REQUIRED.items():
            assert found.get(directive) == sources, (path, directive, found.get(directive))
        assert "'unsafe-inline'" not in " ".join(source for sources in found.values() for source in sources), path
        head = page.xpath("/html/head")[0]
        first = [el for el in head if isinstance(el.tag, str)][:2]
        assert [el.get("charset") or el.get("http-equiv") for el in first] == ["utf-8", "Content-Security-Policy"], path
        assert page.xpath("//meta[@name='referrer']/@content") == ["no-referrer"], path


def test_no_page_holds_inline_script_style_or_event_handler(site):
    for path in html_pages(site):
        page = html.fromstring(path.read_bytes())
        # JSON-LD blocks are data, never run (the CSP does not apply to them); any other inline script is refused.
        assert not page.xpath("//script[not(@src)][normalize-space()][not(@type='application/ld+json')]"), path
        for block in page.xpath("//script[@type='application/ld+json']"):
            assert not block.get("src") and not block.xpath("@*[starts-with(name(), 'on')]"), path
        assert not page.xpath("//style"), path
        assert not page.xpath("//*[@style]"), (path, [el.tag for el in page.xpath("//*[@style]")][:3])
        handlers = [(el.tag, name) for el in page.iter() if isinstance(el.tag, str)
                    for name in el.attrib if name.lower().startswith("on")]
        assert not handlers, (path, handlers[:3])


RECORD = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile);
});
"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_policy_violation_while_reading_switching_scheme_and_searching(browser, server, lang):
    context = browser.new_context(color_scheme="dark" if lang in ("sv", "de", "lv") else "light")
    context.add_init_script(RECORD)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"script error: {e}"))

    def violations(kind):
        errors.extend(f"{kind}: {v}" for v in page.evaluate("window.__violations"))

    for kind, path in KINDS.items():
        page.goto(url(server, lang, path))
        page.wait_for_load_state("networkidle")
        assert page.get_attribute("body", "data-md-color-scheme") in ("default", "slate"), kind
        toggle = page.locator("[data-epi-scheme]")
        before = page.get_attribute("body", "data-md-color-scheme")
        toggle.click()
        assert page.get_attribute("body", "data-md-color-scheme") != before, f"{kind}: the scheme did not switch"
        toggle.click()
        violations(kind)
    results = run_search(page, server, lang, {"en": "integration", "sv": "integration", "ro": "integrare",
                                              "it": "integrazione", "es": "integración", "de": "Integration",
                                              "pl": "integracji", "lv": "integrācija"}[lang])
    page.wait_for_load_state("networkidle")
    violations("search")
    assert results, f"the search found nothing in {lang}"
    assert any(r.endswith("pagefind/pagefind-worker.js") for r in requests)
    assert not [r for r in requests if r.startswith(("blob:", "data:"))]
    context.close()
    # A 404 page on purpose logs "Failed to load resource: 404"; nothing else may appear.
    errors = [e for e in errors if "404 (Not Found)" not in e]
    assert not errors, "\n".join(errors)


@pytest.mark.browser
def test_search_works_without_a_worker_thanks_to_wasm_unsafe_eval_alone(browser, server):
    """Where no worker can start, Pagefind compiles its WebAssembly in the page: what the policy allows."""
    context = browser.new_context()
    context.add_init_script("window.Worker = undefined;" + RECORD)
    page = context.new_page()
    assert run_search(page, server, "lv", "pilsētas")
    assert page.evaluate("window.__violations") == []
    context.close()


@pytest.mark.browser
def test_the_browser_does_report_what_the_policy_blocks(browser, server):
    """The listener above is live: an inline script added to a page is blocked and reported."""
    context = browser.new_context()
    context.add_init_script(RECORD)
    page = context.new_page()
    page.goto(url(server, "pl", "goals/"))
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1;';"
                  " document.body.appendChild(s); }")
    page.wait_for_function("() => window.__violations.length > 0")
    assert page.evaluate("window.__ran === undefined")
    assert page.evaluate("window.__violations")[0].startswith("script-src")
    context.close()


from chromium import browser, run_search, server, url  # noqa: E402,F401  the same Chromium and local server fixtures
