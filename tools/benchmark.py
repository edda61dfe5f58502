"""Measure the site's speed and weight against the stock set-up, on this machine, in one run.

    python3 tools/dev.py bench            # everything (about 10 minutes)
    python3 tools/dev.py bench --quick    # no Lighthouse, fewer repetitions
    python3 tools/dev.py bench --build-only   # build times only: warm and cold image cache against stock

It prints a Markdown report; the README shows the latest one. The figures are
measured, never asserted: the tests check behaviour, this script checks speed.

- build time of all eight languages, against a stock Material + mkdocs-static-i18n
  build of the same docs/ without this project's hooks and overrides: with the cards and chart
  images already in the cache (~/.cache/epi-site/images/), and with every one of them drawn again;
- bytes and requests of a first visit to each language's home page, both set-ups;
- the search index of each language against the stock all-language index;
- Lighthouse (npm, with Debian's Chromium) on each kind of page in three languages;
- build time with ten times the pages, and with 1,000 synthetic news items;
- build time of all 24 official EU languages against the eight (new languages with only their mkdocs.yml entry);
- live-reload time of the one-language preview against the all-language serve;
- the change report (``tools/dev.py changes``) of a one-line English edit, with a warm cache.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "hooks"))

from epi_site.project import load_project  # noqa: E402
from synthetic import EU_LANGUAGES, add_languages, copy_project, multiply_pages, write_news  # noqa: E402

LANGUAGES = load_project(ROOT).languages  # mkdocs.yml is the one source of the language list
CHROMIUM = os.environ.get("EPI_CHROMIUM", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
LIGHTHOUSE_VERSION = "13.5.0"
KINDS = {"home": "", "content": "goals/", "partner": "partners/cluj-napoca/", "timeline": "timeline/",
         "charts": "background/", "issue": "news/2020-q1/", "archive": "news/", "404": "404.html"}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def stock_project(target: Path) -> Path:
    """The same docs/ with stock Material and mkdocs-static-i18n: no hooks, no overrides."""
    target.mkdir(parents=True)
    shutil.copytree(ROOT / "docs", target / "docs")
    for page in (target / "docs").glob("*.md"):  # our home template does not exist there
        page.write_text(page.read_text(encoding="utf-8").replace("template: home.html\n", ""), encoding="utf-8")
    languages = "\n".join(
        f"        - locale: {code}\n          name: {code}\n          build: true"
        + ("\n          default: true" if code == "en" else "")
        for code in LANGUAGES)
    (target / "mkdocs.yml").write_text(f"""site_name: European Pact for Integration
site_url: https://www.epi-project.com/
theme:
  name: material
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
{languages}
""", encoding="utf-8")
    return target


def build(root: Path, site: Path, config: str = "mkdocs.yml") -> float:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-P", "-m", "mkdocs", "build", "-q", "-f", str(root / config), "-d", str(site)],
                            cwd=root, capture_output=True, text=True, env=ENV)
    elapsed = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"build failed in {root}:\n{result.stdout}\n{result.stderr}")
    return elapsed


def median_build(root: Path, site: Path, runs: int, config: str = "mkdocs.yml") -> float:
    return statistics.median(build(root, site, config) for _ in range(runs))


def cold_build(root: Path, site: Path) -> float:
    """A build that draws every card and chart image again, as the first build on a new machine does."""
    from epi_site.rendering.image_cache import cache_folder

    shutil.rmtree(cache_folder(), ignore_errors=True)
    return build(root, site)


def build_times(ours: Path, ours_site: Path, stock: Path, stock_site: Path, runs: int) -> tuple[float, float, float]:
    """Medians of (stock, ours with a warm image cache, ours with a cold one), taken in turns so that
    a change in the machine's load touches all three alike."""
    stock_times, warm, cold = [], [], []
    build(ours, ours_site)  # fills the cache for the first warm build
    for _ in range(max(runs, 3)):
        stock_times.append(build(stock, stock_site))
        warm.append(build(ours, ours_site))
        cold.append(cold_build(ours, ours_site))
    build(ours, ours_site)  # leave a warm cache for the measurements that follow
    return statistics.median(stock_times), statistics.median(warm), statistics.median(cold)


class Server:
    def __init__(self, folder: Path):
        handler = functools.partial(_Quiet, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def close(self):
        self.httpd.shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def first_visit(site: Path) -> dict[str, tuple[int, int]]:
    """(bytes, requests) of a first visit to each home page, uncompressed, scripts and workers included."""
    from playwright.sync_api import sync_playwright

    server = Server(site)
    result = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS.split()[1:])
            for lang in LANGUAGES:
                context = browser.new_context()
                sizes = []
                context.on("requestfinished", lambda r, sizes=sizes: sizes.append(r.sizes()["responseBodySize"]))
                page = context.new_page()
                page.goto(server.url + ("" if lang == "en" else f"{lang}/"), wait_until="networkidle")
                page.wait_for_timeout(1500)  # the stock theme fetches its search index after load
                result[lang] = (sum(sizes), len(sizes))
                context.close()
            browser.close()
    finally:
        server.close()
    return result


def search_loads(site: Path, lang: str, query: str) -> tuple[int, int]:
    """Bytes and requests that one search on our search page adds."""
    from playwright.sync_api import sync_playwright

    server = Server(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS.split()[1:])
            page = browser.new_page()
            page.goto(f"{server.url}{lang}/search/", wait_until="networkidle")
            sizes = []
            page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]))
            page.fill("#epi-search-input", query)
            page.keyboard.press("Enter")
            page.wait_for_function("() => document.querySelector('[data-epi-search-results] li')")
            page.wait_for_timeout(500)
            browser.close()
    finally:
        server.close()
    return sum(sizes), len(sizes)


def pagefind_sizes(site: Path) -> dict[str, int]:
    folder = site / "pagefind"
    sizes = {}
    for lang in LANGUAGES:
        files = [p for p in folder.rglob("*") if p.is_file()
                 and (re.search(rf"(^|[._/]){lang}[._]", p.name) or p.name == f"wasm.{lang}.pagefind")]
        sizes[lang] = sum(p.stat().st_size for p in files)
    return sizes


def lighthouse(site: Path, languages=("en", "pl", "lv")) -> list[tuple[str, str, dict]]:
    tool = ROOT / ".cache" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
    if not tool.exists():
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(tool.parents[2]),
                        f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    server = Server(site)
    rows = []
    try:
        for lang in languages:
            for kind, path in KINDS.items():
                out = Path(tempfile.mkstemp(suffix=".json")[1])
                subprocess.run([str(tool), server.url + ("" if lang == "en" else f"{lang}/") + path, "--quiet",
                                "--output=json", f"--output-path={out}", f"--chrome-flags={CHROME_FLAGS}",
                                "--only-categories=performance,accessibility,best-practices,seo"],
                               env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True)
                report = json.loads(out.read_text())
                out.unlink()
                rows.append((lang, kind, {k: round(v["score"] * 100) for k, v in report["categories"].items()}))
    finally:
        server.close()
    return rows


def reload_time(root: Path, config: str, touch: Path, runs: int) -> float:
    """Seconds from saving a page to the served site being rebuilt and reloaded."""
    port = 8300 + os.getpid() % 500
    process = subprocess.Popen([sys.executable, "-P", "-m", "mkdocs", "serve", "-f", str(root / config), "--livereload",
                                "-a", f"127.0.0.1:{port}"], cwd=root, stderr=subprocess.PIPE, text=True, env=ENV)
    lines = []
    threading.Thread(target=lambda: [lines.append(line) for line in process.stderr], daemon=True).start()
    try:
        _wait_for(lines, "Serving on", 120)
        timings = []
        for _ in range(runs):
            lines.clear()
            time.sleep(1.5)
            started = time.perf_counter()
            touch.write_text(touch.read_text() + "\n")
            _wait_for(lines, "Reloading browsers", 120)
            timings.append(time.perf_counter() - started)
        return statistics.median(timings)
    finally:
        process.terminate()
        process.wait(10)


def _wait_for(lines: list[str], text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(text in line for line in list(lines)):
            return
        time.sleep(0.05)
    raise SystemExit(f"mkdocs serve did not print {text!r} within {timeout} s:\n" + "".join(lines[-20:]))


def kib(n: int) -> str:
    return f"{n / 1024:,.0f} KiB"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="skip Lighthouse; one build of each kind")
    parser.add_argument("--build-only", action="store_true", help="only the build times (warm and cold) against stock")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else 3
    report = Report()
    report += ["# Benchmark", "", f"Measured by `python3 tools/dev.py bench` on {os.cpu_count()} cores.", ""]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        ours, stock = copy_project(tmp / "ours"), stock_project(tmp / "stock")
        ours_site, stock_site = tmp / "ours-site", tmp / "stock-site"
        t_stock, t_ours, t_cold = build_times(ours, ours_site, stock, stock_site, runs)

        def english_pages(site: Path) -> int:
            return len([p for p in site.rglob("index.html") if p.relative_to(site).parts[0] not in LANGUAGES[1:]
                        and p.relative_to(site).parts[0] != "pagefind"])

        report += ["## Build (all eight languages)", "",
                   "| set-up | time (median) | pages per language |", "| --- | ---: | ---: |",
                   f"| this project, cards and chart images cached | {t_ours:.2f} s | {english_pages(ours_site)} |",
                   f"| this project, every card and chart image drawn (cold cache) | {t_cold:.2f} s | "
                   f"{english_pages(ours_site)} |",
                   f"| stock Material + mkdocs-static-i18n, same docs/ | {t_stock:.2f} s | {english_pages(stock_site)} |",
                   f"| ratio, warm cache | **{t_ours / t_stock:.2f}** | |",
                   f"| ratio, cold cache | **{t_cold / t_stock:.2f}** | |", "",
                   f"{images(ours_site)}", ""]
        if args.build_only:
            return 0

        visits_ours, visits_stock = first_visit(ours_site), first_visit(stock_site)
        report += ["## First visit to each home page (uncompressed)", "",
                   "| language | this project | requests | stock | requests |", "| --- | ---: | ---: | ---: | ---: |"]
        report += [f"| {lang} | {kib(visits_ours[lang][0])} | {visits_ours[lang][1]} | {kib(visits_stock[lang][0])} | "
                   f"{visits_stock[lang][1]} |" for lang in LANGUAGES]
        report.append("")

        sizes = pagefind_sizes(ours_site)
        all_languages = (stock_site / "search" / "search_index.json").stat().st_size
        loaded, requests = search_loads(ours_site, "pl", "strategii")
        report += ["## Search index", "",
                   f"Stock: one index of all eight languages, {kib(all_languages)}, loaded on every page.", "",
                   "| language | Pagefind index on disk (loaded in fragments, only on the search page) |",
                   "| --- | ---: |"]
        report += [f"| {lang} | {kib(size)} |" for lang, size in sizes.items()]
        report += ["", f"One search for *strategii* on the Polish search page loads {kib(loaded)} in {requests} requests.", ""]

        if not args.quick:
            rows = lighthouse(ours_site)
            report += ["## Lighthouse (mobile profile)", "",
                       "| language | page | performance | accessibility | best practices | SEO |",
                       "| --- | --- | ---: | ---: | ---: | ---: |"]
            report += [f"| {lang} | {kind} | {s['performance']} | {s['accessibility']} | {s['best-practices']} | {s['seo']} |"
                       for lang, kind, s in rows]
            report.append("")

        tenfold = copy_project(tmp / "tenfold")
        multiply_pages(tenfold / "docs", 10)
        write_news(tenfold / "content" / "news" / "synthetic", 30)
        t_ten = median_build(tenfold, tmp / "tenfold-site", runs)
        many = copy_project(tmp / "many")
        write_news(many / "content" / "news" / "synthetic", 1000)
        t_many = median_build(many, tmp / "many-site", 1)
        compose = composition_times(many)
        report += ["## Growth", "",
                   "| content | build time | against the shipped content |", "| --- | ---: | ---: |",
                   f"| shipped (7 pages and 3 news items per language) | {t_ours:.2f} s | 1.0× |",
                   f"| ten times the pages and news | {t_ten:.2f} s | {t_ten / t_ours:.1f}× |",
                   f"| 1,000 synthetic news items in eight languages | {t_many:.2f} s | {t_many / t_ours:.1f}× |", "",
                   "Composition and feeds alone (load, check, compose issues, 16 feeds): "
                   + ", ".join(f"{n:,} items {t:.2f} s" for n, t in compose.items()), ""]

        every = copy_project(tmp / "every")
        add_languages(every, [code for code in EU_LANGUAGES if code not in LANGUAGES])
        build(every, tmp / "every-site")  # its images drawn once, as the eight languages' already are
        t_every = median_build(every, tmp / "every-site", runs)
        report += ["## Languages", "",
                   f"All {len(EU_LANGUAGES)} official EU languages, the {len(EU_LANGUAGES) - len(LANGUAGES)} new ones with "
                   "only their entry in `mkdocs.yml` (every text falls back to English): "
                   f"{t_every:.2f} s against {t_ours:.2f} s for eight, **{t_every / t_ours:.2f}×** (budget: 3×).", ""]

        preview = copy_project(tmp / "preview")
        import preview as preview_tool

        preview_tool.ROOT = preview
        preview_tool.preview_config("sv")
        touch = preview / "docs" / "goals.sv.md"
        t_full = reload_time(preview, "mkdocs.yml", touch, runs)
        t_preview = reload_time(preview, ".preview.yml", touch, runs)
        report += ["## Live reload after saving a page", "", "| command | reload |", "| --- | ---: |",
                   f"| `python3 tools/dev.py serve` (eight languages) | {t_full:.2f} s |",
                   f"| `python3 tools/dev.py preview sv` (English and Swedish) | {t_preview:.2f} s |", ""]

        t_changes = change_report_time(copy_project(tmp / "changes"), runs)
        report += ["## Change report", "",
                   "`python3 tools/dev.py changes` after a one-line English edit, the base already built once "
                   f"and the images cached (median): {t_changes:.2f} s (budget: 10 s).", ""]
    return 0


def change_report_time(root: Path, runs: int) -> float:
    """The change report of a one-line edit of an English news item, on a branch of a scratch repository."""
    git = ["git", "-c", "user.name=Benchmark", "-c", "user.email=bench@example.org", "-c", "commit.gpgsign=false",
           "-C", str(root)]
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "base"], ["checkout", "-q", "-b", "edit"]):
        subprocess.run([*git, *args], check=True, capture_output=True)
    news = root / "content" / "news" / "2020-01-01-epi-starts.en.md"
    news.write_text(news.read_text(encoding="utf-8").replace("raise the quality", "improve the quality"), encoding="utf-8")
    command = [sys.executable, "-P", "-m", "epi_site.changes", "--root", str(root), "main"]
    env = {**ENV, "PYTHONSAFEPATH": "1", "PYTHONPATH": str(ROOT / "hooks")}
    subprocess.run(command, check=True, capture_output=True, env=env)  # builds the base into the build cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def images(site: Path) -> str:
    cards = [p.stat().st_size for p in site.rglob("cards/**/*.png")]
    charts = [p.stat().st_size for p in site.rglob("data/*.png")]
    return (f"Images drawn for sharing: {len(cards)} link-preview cards (median {kib(statistics.median(cards))}, "
            f"{kib(sum(cards))} in all) and {len(charts)} chart images (median {kib(statistics.median(charts))}).")


class Report(list):
    """Lines of the report, printed as soon as each section is measured."""

    def __iadd__(self, lines):
        print("\n".join(lines), flush=True)
        return super().__iadd__(lines)

    def append(self, line):
        self.__iadd__([line])


def composition_times(root: Path) -> dict[int, float]:
    from epi_site.content.loading import load_content
    from epi_site.rendering.feeds import build_feeds
    from epi_site.project import load_project
    from epi_site.rendering.language import Language

    project = load_project(root)
    times = {}
    for count in (100, 1000):
        folder = root / "content" / f"news-{count}"
        write_news(folder, count)
        started = time.perf_counter()
        content, _ = load_content(project, news_dir=folder)
        for lang in project.languages:
            build_feeds(Language.of(project, lang), content.news, content.site)
        times[count] = time.perf_counter() - started
    return times


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
