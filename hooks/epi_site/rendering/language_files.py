"""The files one language publishes beside its pages: chart data, feeds, the email editions."""

from __future__ import annotations

from . import europe_map
from .email_edition import email_html, email_text
from .emblem import PNG_PATH, emblem_png
from .feeds import NEWSLETTER_FEEDS, build_feeds, build_newsletter_feeds
from .generators.news import introduction
from .pages import GeneratedFile

EMBLEM_HEIGHT = 128  # shown at 64 px high, sharp on high-density screens


def language_files(gen) -> list[GeneratedFile]:
    content, language, prefix = gen.content, gen.language, gen.language.prefix
    files = _shared_files(content) if language.is_default else []
    for dataset in content.datasets.values():
        texts, _ = dataset.text(language.code, gen.project.default_language)
        area = content.places.area(dataset.area, language.code)
        files.append(GeneratedFile(f"{prefix}data/{dataset.id}.csv", dataset.csv(texts.get("labels", {}), area).encode()))
    rss, atom = build_feeds(language, content.news, content.site)
    files += [GeneratedFile(f"{prefix}news/rss.xml", rss), GeneratedFile(f"{prefix}news/atom.xml", atom)]
    files += [GeneratedFile(prefix + path, feed)
              for path, feed in zip(NEWSLETTER_FEEDS, build_newsletter_feeds(content, language), strict=True)]
    for issue in content.issues:
        intro, intro_lang = introduction(gen, issue)
        files.append(GeneratedFile(f"{prefix}{issue.page_key}/email.html",
                                   email_html(content, language, issue, intro, intro_lang).encode()))
        files.append(GeneratedFile(f"{prefix}{issue.page_key}/email.txt",
                                   email_text(content, language, issue, intro, intro_lang).encode()))
    return files


def _shared_files(content) -> list[GeneratedFile]:
    """Published once, with the default language, for every language."""
    # One raster emblem, where SVG cannot go (email editions).
    emblem = GeneratedFile(PNG_PATH, emblem_png(EMBLEM_HEIGHT))
    # One base map: the words on it are in each page, over it.
    countries = frozenset(p.country for p in content.partners)
    return [emblem, GeneratedFile(europe_map.MAP_PATH, europe_map.base_map(countries))]
