"""What each directive of a hand-written page (``[[chart id]]``, ``[[cities]]`` …) renders to.

content/directives.py names the directives and checks them; this table renders them, and a test
keeps the two lists the same.
"""

from __future__ import annotations

from . import chart_view, europe_map
from ..content.directives import Directive
from .render import render
from .urls import relative


def _chart(gen, directive: Directive, page_key: str, uid: str) -> str | None:
    dataset = gen.content.datasets.get(directive.argument)
    if dataset is None:
        return None  # refused by the check; shown as written if the check was bypassed
    view = chart_view.view(gen.language, dataset, area=gen.content.places.area(dataset.area, gen.lang))
    context = gen.context(page_key)
    csv_href = context["link_file"](f"data/{dataset.id}.csv")
    png_href = context["link_file"](f"data/{dataset.id}.png")  # drawn by infographics.py
    return render(gen.language, "chart.html", v=view, uid=uid, csv_href=csv_href, png_href=png_href)


def _cities(gen, directive: Directive, page_key: str, uid: str) -> str:
    cities = [p for p in gen.content.partners if p.role == "city"]
    names = {p.id: gen.content.places.city(p, gen.lang) for p in cities}
    return render(gen.language, "cities.html", cities=cities,
                  map_marks=europe_map.marks(gen.content.positions, names), map_frame=europe_map.frame(),
                  map_href=relative(gen.language.url(page_key), europe_map.MAP_PATH),
                  partners_by_id={p.id: p for p in cities}, **gen.context(page_key))


def _phases(gen, directive: Directive, page_key: str, uid: str) -> str:
    return render(gen.language, "phases.html", phases=gen.content.timeline.phases)


def _publisher(gen, directive: Directive, page_key: str, uid: str) -> str:
    return render(gen.language, "publisher.html", publisher=gen.content.site.publisher)


def _authority(gen, directive: Directive, page_key: str, uid: str) -> str:
    publisher = gen.content.site.publisher
    return render(gen.language, "authority.html", authority=publisher.authority, country=publisher.country)


def _feedback_time(gen, directive: Directive, page_key: str, uid: str) -> str:
    return render(gen.language, "feedback_time.html", days=gen.content.site.publisher.feedback_days)


def _social(gen, directive: Directive, page_key: str, uid: str) -> str:
    return render(gen.language, "social.html", channels=gen.content.site.social)


VIEWS = {
    "chart": _chart,
    "cities": _cities,
    "phases": _phases,
    "publisher": _publisher,
    "authority": _authority,
    "feedback-time": _feedback_time,
    "social": _social,
}
