"""The partners index and one page per partner."""

from __future__ import annotations

import unicodedata

from babel import Locale
from markupsafe import Markup

from ..pages import GeneratedPage
from ..render import to_html
from ..roles import grouped
from ..urls import relative, rewrite_links


def partners_index(gen, kind) -> list[GeneratedPage]:
    gettext = gen.language.gettext
    partners = gen.content.partners
    groups = grouped(partners)
    territories = Locale.parse(gen.lang).territories
    countries = sorted({p.country for p in partners}, key=lambda c: _collation_key(territories.get(c, c)))
    by_country = [(code, [p for p in partners if p.country == code]) for code in countries]
    title = gettext("Partners")
    description = gettext("The partners of the European Pact for Integration, by role and by country.")
    return [gen.page("partners/index", title, description, kind.template, partners=partners, groups=groups,
                     countries=by_country)]


def partner_pages(gen, kind) -> list[GeneratedPage]:
    project, lang, partners = gen.project, gen.lang, gen.content.partners
    pages = []
    for partner in partners:
        text, text_lang = partner.text(lang, project.default_language)
        neighbours = [p for p in partners if p.country == partner.country and p.id != partner.id]
        name = gen.content.places.partner_name(partner, lang)
        description = gen.language.gettext("%(name)s, a partner of the European Pact for Integration.") % {"name": name}
        here = gen.language.url(partner.page_key)
        # Partner texts name pages and files as seen from docs/, as news items do.
        text_html = Markup(rewrite_links(str(to_html(text)), project, lang, partner.page_key,
                                         absolute=False, link_base=""))
        pages.append(gen.page(partner.page_key, name, description, kind.template, text_lang,
                              partner=partner, text_html=text_html, text_lang=text_lang, neighbours=neighbours,
                              # Like news images: published once, for every language, at the site's root.
                              image_href=relative(here, partner.image) if partner.image else "",
                              image_alt=partner.image_alt(lang, project.default_language)))
    return pages


def _collation_key(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
