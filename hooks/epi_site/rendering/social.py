"""Link previews: the Open Graph and Twitter card data of every page, and the card image it names.

A page gets a preview in each language its text really exists in; the card shows what the preview
says (the title in that language, the section, the funding statement). A page that shows the English
text while it waits for a translation points its canonical address at the English page, so it carries
the English page's preview too: a network that reads it fetches that page anyway, and the shared link
still shows the EU emblem. Pages kept out of search engines (search, translation status, 404) carry
none: nobody is meant to find them through a shared link, and the 404 page has no address of its own.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import cache

from babel import Locale
from babel.core import get_global

from ..content.loading import Content
from ..content.page_kinds import generated_pages
from ..project import Project
from .cards import HEIGHT, WIDTH, CardSpec, card_png
from .image_cache import Drawing
from .language import Language
from .pages import GeneratedPage
from .roles import role_name
from .urls import page_url
from .visibility import funded_by

# English on the site follows the EU's style guide, which writes British English; Babel's likely
# subtags would say en_US. Every other language takes its likely region (sv_SE, lv_LV …).
_REGIONS = {"en": "GB"}


@cache  # Babel parses a locale in about 1 ms; a build asks 2,000 times
def og_locale(lang: str) -> str:
    """The ``xx_YY`` form Open Graph expects for a page whose <html lang> is ``lang``."""
    locale = Locale.parse(lang)
    region = _REGIONS.get(lang) or locale.territory
    if not region:
        likely = get_global("likely_subtags").get(locale.language)
        region = Locale.parse(likely).territory if likely else None
    return f"{locale.language}_{region}" if region else locale.language


def card_path(project: Project, key: str, lang: str) -> str:
    """Where the card of page ``key`` in ``lang`` is published, from the site root (sv/cards/partners/riga.png)."""
    return f"{project.prefix(lang)}cards/{key}.png"


@dataclass(frozen=True)
class PageCard:
    key: str
    lang: str
    title: str
    description: str
    published: str | None  # ISO date of the text's publication on this website, for news items
    spec: CardSpec


def section_of(kind, gettext, site_name: str) -> str:
    """The section a card names: its page kind's, or the site's name for a hand-written page."""
    return gettext(kind.section) if kind is not None and kind.section else site_name


def page_cards(content: Content, language: Language, pages: list[GeneratedPage]) -> dict[str, PageCard]:
    """The card of every page that has a preview in ``language``: hand-written and generated pages alike."""
    project, lang, gettext, fmt = content.project, language.code, language.gettext, language.fmt
    site_name = content.site.name
    domain = project.site_url.split("//", 1)[-1].strip("/").removeprefix("www.")
    funded = funded_by(language)
    news = {item.page_key: item for item in content.news}
    partners = {p.page_key: p for p in content.partners}
    found: list[tuple[str, str, str, str, str | None]] = []
    for key, doc in content.docs.items():
        if lang in doc.text_set.files:
            meta = doc.meta[lang]
            found.append((key, str(meta.get("title") or site_name), str(meta.get("description") or ""), "", None))
    for page in pages:
        if page.noindex or page.content_lang != lang:
            continue
        detail, published = "", None
        if page.key in news:
            item = news[page.key]
            # article:published_time is when this text appeared here; the card shows the day of what happened.
            published = item.published_in(lang, project.default_language).isoformat()
            detail = fmt.date(item.date) if item.date else ""
        elif page.key in partners:
            partner = partners[page.key]
            detail = f"{role_name(partner.role, gettext)} · {fmt.country(partner.country)}"
        # As MkDocs writes the page's <title>: a day's or a quarter's no-break spaces ("2022. gada
        # 2. ceturksnis") are plain there, and a preview's title is the page's title.
        found.append((page.key, " ".join(page.title.split()), page.description, detail, published))
    cards = {}
    kinds = {key: kind for key, (kind, _) in generated_pages(content).items()}
    for key, title, description, detail, published in found:
        section = section_of(kinds.get(key), gettext, site_name)
        # The home page's title is the site's name: said once, as the title.
        # A label or a date the title already says is not said twice ("Newsletter" over "Newsletter, …").
        section = "" if title.casefold().startswith(section.casefold()) else section
        detail = "" if detail and " ".join(detail.split()) in " ".join(title.split()) else detail
        spec = CardSpec(lang, title, section, funded, domain, detail)
        cards[key] = PageCard(key, lang, title, description, published, spec)
    return cards


def card_drawings(project: Project, cards: dict[str, PageCard]) -> list[tuple[str, Drawing]]:
    """Each card's path in the site, and what to draw there."""
    return [(card_path(project, key, card.lang),
             Drawing("card", json.dumps(asdict(card.spec), sort_keys=True), card_png, card.spec))
            for key, card in sorted(cards.items())]


def social_meta(language: Language, card: PageCard, languages: dict[str, str], site_name: str) -> dict:
    """The values of the page's og: and twitter: tags; ``languages`` maps each build language to the
    language of the page's text there, so the alternates are the languages the page really exists in;
    ``language`` is the card's."""
    project, lang, gettext = language.project, card.lang, language.gettext
    alt = gettext("%(title)s. The EPI logo, and the EU emblem with the words “%(funded)s”.") % {
        "title": card.title, "funded": card.spec.funded_by}
    return {
        "title": card.title,
        "description": card.description,
        "url": project.absolute(page_url(project, card.key, lang)),
        "type": "article" if card.published else "website",
        "published": card.published,
        "site_name": site_name,
        "locale": og_locale(lang),
        "alternates": [og_locale(code) for code, text_lang in languages.items() if code == text_lang and code != lang],
        "image": project.absolute(card_path(project, card.key, lang)),
        "image_width": WIDTH,
        "image_height": HEIGHT,
        "image_alt": alt,
        "image_type": "image/png",
    }
