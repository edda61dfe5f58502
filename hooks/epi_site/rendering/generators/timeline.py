"""The timeline page and its chart of the phases."""

from __future__ import annotations

from ..pages import GeneratedPage

WIDTH, ROW, BAR = 640, 34, 26


def timeline_page(gen, kind) -> list[GeneratedPage]:
    timeline = gen.content.timeline
    gettext = gen.language.gettext
    return [gen.page("timeline/index", gettext("Timeline"),
                     gettext("The phases and planned activities of the European Pact for Integration."),
                     kind.template, timeline=timeline, gantt=gantt(timeline),
                     indicative=any(p.indicative for p in timeline.phases))]


def gantt(timeline) -> dict:
    """The chart's geometry: a bar per phase, a tick per year."""
    step = WIDTH / timeline.months
    rows = [{"x": round((timeline.month(p.start) - 1) * step, 1),
             "width": round((timeline.month(p.end) - timeline.month(p.start) + 1) * step, 1),
             "y": i * ROW, "number": p.number, "indicative": p.indicative}
            for i, p in enumerate(timeline.phases)]
    ticks = [{"x": round((timeline.month(timeline.start.replace(year=y, month=1)) - 1) * step, 1), "label": str(y)}
             for y in range(timeline.start.year, timeline.end.year + 1)
             if timeline.month(timeline.start.replace(year=y, month=1)) >= 1]
    return {"width": WIDTH, "height": len(rows) * ROW + 24, "bar": BAR, "rows": rows, "ticks": ticks}
