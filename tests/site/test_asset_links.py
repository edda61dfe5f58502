"""Links from news items and partner texts to files of docs/assets/ work in every language:
the check accepts exactly the links that resolve, the build points them at the file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import html

from conftest import LANGUAGES, build, page_path

SITE_URL = "https://www.epi-project.com/"
TEXTS = {"content/news/2020-01-01-epi-starts": "news/2020-01-01-epi-starts/",
         "content/partners/riga": "partners/riga/"}


def check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-P", "-m", "epi_site.check", "--root", str(root), "--no-status"],
                          capture_output=True, text=True)


def _pdf() -> bytes:
    """A one-page PDF with nothing active in it, written out with its cross-reference table."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)
    return bytes(out)


def _link_everywhere(root: Path, target: str) -> None:
    """The same paragraph at the end of every language's version of each text."""
    for stem in TEXTS:
        for path in sorted((root / stem).parent.glob(Path(stem).name + ".*.md")):
            path.write_text(path.read_text(encoding="utf-8").rstrip("\n")
                            + f"\n\n[The final report (PDF)]({target})\n", encoding="utf-8")


def _resolve(site: Path, page: Path, href: str) -> Path:
    folder = page.parent.relative_to(site).as_posix()
    parts = urlsplit(urljoin(SITE_URL + folder + "/", href))
    assert parts.netloc == "www.epi-project.com", href
    return site / unquote(parts.path).lstrip("/")


def test_an_asset_link_reaches_the_file_in_every_language_page_and_feed(scratch, tmp_path):
    (scratch / "docs/assets").mkdir()
    (scratch / "docs/assets/final-report.pdf").write_bytes(_pdf())
    _link_everywhere(scratch, "assets/final-report.pdf")
    result = check(scratch)
    assert result.returncode == 0, result.stdout
    site = tmp_path / "site"
    built = build(scratch, site)
    assert built.returncode == 0, built.stderr[-3000:]
    assert (site / "assets/final-report.pdf").read_bytes() == (scratch / "docs/assets/final-report.pdf").read_bytes()
    for lang in LANGUAGES:
        for address in TEXTS.values():
            page = page_path(site, lang, address)
            hrefs = html.fromstring(page.read_bytes()).xpath("//a[contains(., 'final report')]/@href")
            assert len(hrefs) == 1, (lang, address)
            assert _resolve(site, page, hrefs[0]) == site / "assets/final-report.pdf", (lang, address, hrefs[0])
        # Feeds and emails take the absolute address.
        prefix = "" if lang == "en" else f"{lang}/"
        feeds = sorted((site / prefix / "news").glob("*.xml"))
        bodies = "".join(path.read_text(encoding="utf-8") for path in feeds)
        assert f"{SITE_URL}assets/final-report.pdf" in bodies, lang
        assert bodies.count("assets/final-report.pdf") == bodies.count(f"{SITE_URL}assets/final-report.pdf"), lang

def test_a_link_to_a_missing_asset_is_a_problem_with_file_line_and_fix(scratch, tmp_path):
    _link_everywhere(scratch, "assets/missing.pdf")
    result = check(scratch)
    assert result.returncode == 1
    for stem in TEXTS:
        path = scratch / f"{stem}.en.md"
        line = path.read_text(encoding="utf-8").split("\n").index("[The final report (PDF)](assets/missing.pdf)") + 1
        assert f"{stem}.en.md:{line}" in result.stdout, result.stdout
    assert "the link 'assets/missing.pdf' leads to no file (there is no file docs/assets/missing.pdf)" in result.stdout
    assert "put the document in docs/assets/" in result.stdout
    built = build(scratch, tmp_path / "site")
    assert built.returncode != 0
    assert "assets/missing.pdf" in built.stdout + built.stderr and "Traceback" not in built.stdout + built.stderr


def test_links_that_would_404_are_refused(scratch):
    (scratch / "docs/assets").mkdir()
    (scratch / "docs/assets/final-report.pdf").write_bytes(_pdf())
    for target in ("../docs/assets/final-report.pdf", "assets", "/assets/final-report.pdf", "final-report.pdf"):
        item = scratch / "content/news/2020-01-01-epi-starts.en.md"
        before = item.read_text(encoding="utf-8")
        item.write_text(before + f"\n[The report]({target})\n", encoding="utf-8")
        result = check(scratch)
        assert result.returncode == 1 and f"the link '{target}' leads to no file" in result.stdout, (target, result.stdout)
        item.write_text(before, encoding="utf-8")


def _png() -> bytes:
    from PIL import Image

    out = __import__("io").BytesIO()
    Image.new("RGB", (40, 30), (0, 80, 160)).save(out, format="PNG")
    return out.getvalue()


def _front_matter(path: Path, lines: str) -> None:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        path.write_text("---\n" + lines + text[4:], encoding="utf-8")
    else:
        path.write_text(f"---\n{lines}---\n\n" + text, encoding="utf-8")


def test_a_partners_photo_is_shown_in_every_language_with_its_description(scratch, tmp_path):
    (scratch / "docs/assets").mkdir()
    (scratch / "docs/assets/riga.png").write_bytes(_png())
    _front_matter(scratch / "content/partners/riga.en.md", "image: assets/riga.png\nimage_alt: The old town of Riga\n")
    _front_matter(scratch / "content/partners/riga.sv.md", "image_alt: Rigas gamla stad\n")
    result = check(scratch)
    assert result.returncode == 0, result.stdout
    site = tmp_path / "site"
    built = build(scratch, site)
    assert built.returncode == 0, built.stderr[-3000:]
    for lang in LANGUAGES:
        page = page_path(site, lang, "partners/riga/")
        images = html.fromstring(page.read_bytes()).xpath("//img[@class='epi-partner__image']")
        assert len(images) == 1, lang
        assert _resolve(site, page, images[0].get("src")) == site / "assets/riga.png", lang
        assert images[0].get("alt") == ("Rigas gamla stad" if lang == "sv" else "The old town of Riga"), lang
        other = page_path(site, lang, "partners/cartagena/")
        assert not html.fromstring(other.read_bytes()).xpath("//img[@class='epi-partner__image']"), lang


def test_a_partners_photo_without_description_or_file_and_unknown_fields_are_problems(scratch):
    english, swedish = scratch / "content/partners/riga.en.md", scratch / "content/partners/riga.sv.md"
    _front_matter(english, "image: assets/riga.png\nphoto: riga.jpg\n")
    _front_matter(swedish, "image: assets/riga.png\n")
    result = check(scratch)
    assert result.returncode == 1
    assert "content/partners/riga.en.md:2 (front matter.image): the photo has no alternative text" in result.stdout, result.stdout
    assert "there is no image docs/assets/riga.png" in result.stdout
    assert "content/partners/riga.en.md:3 (front matter.photo): 'photo' is not a field of this entry" in result.stdout
    assert "content/partners/riga.sv.md:2 (front matter.image): 'image' belongs in the English file only" in result.stdout
