"""The images a language publishes for sharing: a link-preview card per page, and each chart as a picture."""

from __future__ import annotations

from ..content.loading import Content
from .image_cache import Drawing, ImageCache
from .infographics import cache_key, infographic_path, infographic_png, texts
from .pages import GeneratedFile, GeneratedPage
from .language import Language
from .social import PageCard, card_drawings, page_cards
from .visibility import disclaimer, funded_by, funding_line


def image_files(content: Content, language: Language, pages: list[GeneratedPage],
                cache: ImageCache) -> tuple[dict[str, PageCard], list[GeneratedFile]]:
    project, lang = content.project, language.code
    found = page_cards(content, language, pages)
    drawings = card_drawings(project, found)
    funding = funding_line(language, content.site)
    for dataset in content.datasets.values():
        data = texts(language, dataset, funded_by(language), funding,
                     content.places.area(dataset.area, lang), disclaimer=disclaimer(language))
        drawings.append((infographic_path(project, dataset.id, lang),
                         Drawing("infographic", cache_key(data), infographic_png, data)))
    images = cache.get_all([drawing for _, drawing in drawings])
    return found, [GeneratedFile(path, image) for (path, _), image in zip(drawings, images, strict=True)]
