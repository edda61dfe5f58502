"""The images a language publishes for sharing: a link-preview card per page, and each chart as a picture."""

from __future__ import annotations

from ..content.loading import Content
from .image_cache import ImageCache
from .infographics import cache_key, infographic_path, infographic_png, texts
from .pages import GeneratedFile, GeneratedPage
from .social import PageCard, card_files, page_cards
from .visibility import funded_by, funding_line


def image_files(content: Content, lang: str, pages: list[GeneratedPage],
                cache: ImageCache) -> tuple[dict[str, PageCard], list[GeneratedFile]]:
    project = content.project
    found = page_cards(content, lang, pages)
    files = card_files(project, found, cache)
    funding = funding_line(project, lang, content.site)
    for dataset in content.datasets.values():
        data = texts(project, dataset, lang, funded_by(project, lang), funding,
                     content.places.area(dataset.area, lang))
        files.append(GeneratedFile(infographic_path(project, dataset.id, lang),
                                   cache.get("infographic", cache_key(data), lambda d=data: infographic_png(d))))
    return found, files
