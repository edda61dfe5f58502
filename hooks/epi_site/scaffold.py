"""``python3 tools/dev.py new …``: the English file of a new news item, partner, page or newsletter
introduction, with the front matter the check asks for and a comment on each field.

Only English is written: the other languages show the English with the fallback notice until a
translator adds their file. An existing file is never overwritten.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

from markdown.extensions.toc import slugify

from .content.fields import SLUG
from .content.partners import ROLES
from .project import Project, load_project

MAX_SLUG = 60


def slug_of(title: str) -> str:
    """A web address's last part from a title: Python-Markdown's slugifier (accents folded to ASCII,
    as the headings' anchors are), cut at a word under MAX_SLUG characters."""
    slug = slugify(title, "-")
    while len(slug) > MAX_SLUG and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug[:MAX_SLUG].strip("-")


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string, whatever it holds


def new_news(project: Project, title: str, today: dt.date) -> list[Path]:
    slug = slug_of(title)
    if not slug:
        raise ValueError("the title has no letters or digits to make the file's name from")
    path = project.content_dir / "news" / f"{today.isoformat()}-{slug}.{project.default_language}.md"
    return [_write(path, f"""---
# Required. The title, as readers see it.
title: {_quoted(title)}
# The day of what it reports, year-month-day; it places the item in a quarter's newsletter.
# Leave it out only when the sources give no day (then take the date out of the file's name too).
date: {today.isoformat()}
# Required. The day this text is published on this website, year-month-day; never in the future.
# The feeds and search engines give it as the publication date. Each translation gives its own.
published: {today.isoformat()}
# Required. One or two sentences that the newsletter, the feeds and link previews show.
summary: {_quoted("Write here, in one or two sentences, what happened.")}
# Optional. Partner ids from content/partners.yml: partners: [riga, lublin]
# Optional. One of the phases of content/timeline.yml: phase: reviews, co-design, testing or pact
# Optional. A photo in docs/assets/, and a sentence saying what it shows:
# image: assets/photo.jpg
# image_alt: What the photo shows
---

Write the item here, in Markdown. Link to a page by its file name in docs/, without the language:
[the approach](approach.md); to a document you put in docs/assets/ as
`[the report (PDF)](assets/report.pdf)` (without the backticks).
""")]


def new_partner(project: Project, pid: str, name: str, role: str, country: str) -> list[Path]:
    if not SLUG.match(pid):
        raise ValueError(f"'{pid}' cannot be an id: use lower-case letters, digits and hyphens, such as pro-arbeit")
    if role not in ROLES:
        raise ValueError(f"the role '{role}' is not one of: {', '.join(ROLES)}")
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise ValueError(f"'{country}' is not a country code: write the two-letter ISO code in capitals, such as LV")
    listing = project.content_dir / "partners.yml"
    text = listing.read_text(encoding="utf-8")
    if re.search(rf"^- id: {re.escape(pid)}\s*$", text, re.M):
        raise FileExistsError(f"content/partners.yml already has a partner '{pid}'")
    path = project.content_dir / "partners" / f"{pid}.{project.default_language}.md"
    written = _write(path, """---
# Optional. A photo in docs/assets/, and a sentence saying what it shows (delete the # to use them):
# image: assets/photo.jpg
# image_alt: What the photo shows
---

Write here, in a few sentences, who the partner is and what it was to do in EPI.
""")
    listing.write_text(text.rstrip("\n") + f"""
- id: {pid}
  role: {role}
  name: {_quoted(name)}
  country: {country}
  # Optional, only where confirmed: city: Riga, website: https://example.org/
""", encoding="utf-8")
    return [written, listing]


def new_page(project: Project, name: str, title: str) -> list[Path]:
    if not SLUG.match(name):
        raise ValueError(f"'{name}' cannot be a page's name: use lower-case letters, digits and hyphens, such as results")
    path = project.docs_dir / f"{name}.{project.default_language}.md"
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    match = re.search(r"^nav:\n((?:  - .*\n)+)", text, re.M)
    if match is None:
        raise ValueError("mkdocs.yml has no menu ('nav:') to add the page to")
    written = _write(path, f"""---
# Required. The page's title, in the menu and the browser's tab.
title: {_quoted(title)}
# Required. One sentence for search engines and link previews.
description: {_quoted("Write here, in one sentence, what the page is about.")}
---

# {title}

Write the page here, in Markdown.
""")
    config.write_text(text[:match.end()] + f"  - {name}.md\n" + text[match.end():], encoding="utf-8")
    return [written, config]


def new_issue(project: Project, quarter: str) -> list[Path]:
    found = re.fullmatch(r"(\d{4})-q([1-4])", quarter)
    if not found:
        raise ValueError(f"'{quarter}' does not name a quarter: write it as 2022-q2 (April to June 2022)")
    year, number = int(found.group(1)), int(found.group(2))
    months = range(3 * number - 2, 3 * number + 1)
    items = [p for p in (project.content_dir / "news").glob(f"{year}-*.{project.default_language}.md")
             if int(p.name[5:7]) in months]
    if not items:
        raise ValueError(f"there are no news items in {quarter}, so there is no issue to introduce: add one first "
                         f"(python3 tools/dev.py new news \"Title\")")
    path = project.content_dir / "newsletter" / f"{quarter}.{project.default_language}.md"
    return [_write(path, """---
# Optional. The introduction's title; without it, the issue is titled by its quarter.
# title: What this quarter brought
---

Write here a few sentences that introduce this quarter's news items.
""")]


def _write(path: Path, text: str) -> Path:
    if path.exists():
        raise FileExistsError(f"{path.name} already exists; it is not overwritten")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None, today: dt.date | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 tools/dev.py new", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=".", help="the repository's folder (default: the current one)")
    kinds = parser.add_subparsers(dest="kind", required=True)
    news = kinds.add_parser("news", help="a news item: new news \"A roundtable in Lublin\"")
    news.add_argument("title")
    partner = kinds.add_parser("partner", help="a partner: new partner ID --name ... --role ... --country ...")
    partner.add_argument("id")
    partner.add_argument("--name", required=True, help="the name as the brochure gives it")
    partner.add_argument("--role", required=True, choices=ROLES)
    partner.add_argument("--country", required=True, help="the two-letter ISO code in capitals, such as LV")
    page = kinds.add_parser("page", help="a page of docs/, added to the menu: new page NAME --title ...")
    page.add_argument("name")
    page.add_argument("--title", help="the page's title (default: from its name)")
    issue = kinds.add_parser("issue", help="the introduction of a quarter's newsletter: new issue 2022-q2")
    issue.add_argument("quarter")
    args = parser.parse_args(argv)
    project = load_project(Path(args.root))
    today = today or dt.date.today()
    try:
        if args.kind == "news":
            written = new_news(project, args.title, today)
        elif args.kind == "partner":
            written = new_partner(project, args.id, args.name, args.role, args.country)
        elif args.kind == "page":
            written = new_page(project, args.name, args.title or args.name.replace("-", " ").capitalize())
        else:
            written = new_issue(project, args.quarter)
    except (ValueError, FileExistsError) as error:
        print(f"Nothing was written: {error}.", file=sys.stderr)
        return 1
    for path in written:
        print(f"Wrote {path.relative_to(project.root).as_posix()}")
    print("Fill in the lines that say 'Write here', then run: python3 tools/dev.py check. "
          "The other languages show the English with a notice until they are translated.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
