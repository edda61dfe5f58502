"""Each chart as a shareable 1080×1080 PNG (Instagram, LinkedIn), in each language.

Drawn from the same view as the inline SVG (chart_view.view: bar lengths, shares, values already in the
locale's format, labels in the language), with the source and year, the EPI wordmark, and the EU emblem
with the full funding statement and the disclaimer, since a shared image is a publication of its own and
travels without the page around it.
"""

from __future__ import annotations

import json
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw

from . import chart_view
from ..content.charts import Dataset
from ..project import Project
from .language import Language
from .canvas import EPI_BLUE, EPI_BLUE_DARK, EPI_ORANGE, GREY, INK, WHITE, compose, frame, funding_block, indexed
from .raster_text import clean, fit, font
from .typography import bind

SIZE = 1080
MARGIN = 72
BAND = 120
COLOURS = (EPI_BLUE, EPI_ORANGE)  # --epi-chart-1 and --epi-chart-2
CHART_TOP, CHART_BOTTOM = 470, 790  # the chart's lowest top (after a four-line title), its bottom
FOOTER_TOP = 840  # room under the emblem for five lines: the funding statement and the disclaimer
EMBLEM_HEIGHT = 72
# The EU's rules for funded projects: the emblem at least as large as the largest other logo. The
# wordmark (91 × 39 at scale 1) is drawn at 1.4: 127 × 55 px, under the emblem's 108 × 72 in height and area.
WORDMARK_SCALE = 1.4
MIDDLE = (BAND + 7, FOOTER_TOP - 30)


def infographic_path(project: Project, dataset_id: str, lang: str) -> str:
    """Beside the chart's CSV file: data/<id>.png in the language's folder."""
    return f"{project.prefix(lang)}data/{dataset_id}.png"


def texts(language: Language, dataset: Dataset, funded_by: str, funding: str, area: str, *,
          disclaimer: str) -> dict:
    """Everything drawn, as plain data: the cache key, and the drawing's only input.

    ``area`` is the dataset's area as the language writes it (UE-27, ES-27), as on the page."""
    project, lang, gettext = language.project, language.code, language.gettext
    view = chart_view.view(language, dataset, area)
    source = " · ".join(part for part in (gettext("Source: %(source)s") % {"source": dataset.source},
                                          view["area"], str(dataset.year) if dataset.year else "") if part)
    max_width = chart_view.WIDTH - chart_view.LABEL_SPACE
    bars = [{"label": b.label, "value": b.value,
             "share": (b.width / max_width) if dataset.kind == "bar" else b.width / chart_view.WIDTH}
            for b in view["bars"]]
    return {"lang": lang, "kind": dataset.kind, "title": bind(view["title"], lang), "source": source, "bars": bars,
            "rows": [list(row) for row in view["rows"]],
            "total": (gettext("Total") + ": " + view["total"]) if view["total"] else "",
            "funded_by": funded_by, "funding": bind(funding, lang), "disclaimer": bind(disclaimer, lang),
            "domain": project.site_url.split("//", 1)[-1].strip("/").removeprefix("www.")}


@lru_cache(maxsize=16)
def _base(funded_by: str, funding: str, disclaimer: str, domain: str) -> Image.Image:
    """The header and footer, the same for every chart of a language: drawn once."""
    image, draw = frame((SIZE, SIZE), BAND, MARGIN, WORDMARK_SCALE, FOOTER_TOP - 20,
                        wordmark_top=round((BAND - 39 * WORDMARK_SCALE) / 2))
    draw.text((SIZE - MARGIN, BAND / 2), domain, font=font("regular", 28), fill=WHITE, anchor="rm")
    funding_block(image, MARGIN, FOOTER_TOP, EMBLEM_HEIGHT, funded_by, SIZE - 2 * MARGIN, 32)
    _lines(draw, statements(funding, disclaimer), "regular", MARGIN, STATEMENTS_TOP, GREY)
    return image


STATEMENTS_TOP = FOOTER_TOP + EMBLEM_HEIGHT + 14


def statements(funding: str, disclaimer: str):
    """The full funding statement, with the fund and the grant, and the disclaimer, under the emblem, since
    the image travels without its page: one paragraph, so that the longest language (Italian) still fits
    at 21 px or more."""
    return fit(clean(f"{funding} {disclaimer}", "regular"), "regular", SIZE - 2 * MARGIN, SIZE - 16 - STATEMENTS_TOP,
               range(22, 17, -1), leading=1.25, max_lines=6)


@lru_cache(maxsize=16)
def _base_indexed(funded_by: str, funding: str, disclaimer: str, domain: str) -> Image.Image:
    return indexed(_base(funded_by, funding, disclaimer, domain))


def _middle(data: dict) -> Image.Image:
    """The white band between header and footer: title, source and chart, centred in it, so that a
    short chart (a single figure) leaves no empty band above the footer."""
    band = Image.new("RGB", (SIZE, MIDDLE[1] - MIDDLE[0]), WHITE)
    _draw_middle(band, data, MIDDLE[0])
    drawn = ImageChops.difference(band, Image.new("RGB", band.size, WHITE)).getbbox()
    if drawn is None:
        return band
    top, bottom = drawn[1], drawn[3]
    centred = Image.new("RGB", band.size, WHITE)
    centred.paste(band.crop((0, top, SIZE, bottom)), (0, (band.height - (bottom - top)) // 2))
    return centred


def _draw_middle(image: Image.Image, data: dict, top: int) -> None:
    """Title, source and the chart itself, on the white band that starts at ``top``."""
    draw = ImageDraw.Draw(image)
    width = SIZE - 2 * MARGIN
    title = fit(clean(data["title"], "bold"), "bold", width, 210, range(60, 35, -4), max_lines=4)
    y = _lines(draw, title, "bold", MARGIN, 170 - top, EPI_BLUE_DARK)
    source = fit(clean(data["source"], "regular"), "regular", width, 80, range(30, 21, -2), max_lines=2)
    y = _lines(draw, source, "regular", MARGIN, y + 12, GREY)
    chart_top = min(CHART_TOP, round(y) + top + 64) - top  # the chart follows a short title closely
    kind = data["kind"]
    if kind == "bar":
        bottom = _bars(draw, data["bars"], width, chart_top)
    elif kind == "share":
        bottom = _shares(draw, data["bars"], width, chart_top)
    else:
        bottom = _figure(draw, data["rows"][0], width, chart_top)
    if data["total"]:  # under the chart it sums up, not at the foot of the band
        total = fit(clean(data["total"], "semibold"), "semibold", width, 44, range(32, 21, -2), max_lines=1)
        _lines(draw, total, "semibold", MARGIN, min(bottom + 32, CHART_BOTTOM - top - total.height), INK)


def draw(data: dict) -> Image.Image:
    """The whole image in RGB (infographic_png gives the same pixels faster)."""
    image = _base(data["funded_by"], data["funding"], data["disclaimer"], data["domain"]).copy()
    image.paste(_middle(data), (0, MIDDLE[0]))
    return image


def _lines(draw, fitted, weight: str, x: int, y: float, colour) -> float:
    face = font(weight, fitted.size)
    for i, line in enumerate(fitted.lines):
        draw.text((x, y + i * fitted.line_height + round(fitted.line_height * 0.8)), line, font=face, fill=colour,
                  anchor="ls")
    return y + fitted.height


def _bars(draw, bars: list[dict], width: int, chart_top: int) -> float:
    row = min(160, (CHART_BOTTOM - 60 - CHART_TOP) // max(1, len(bars)))
    for i, bar in enumerate(bars):
        top = chart_top + i * row
        label = fit(clean(bar["label"], "semibold"), "semibold", width, 40, range(30, 21, -2), max_lines=1)
        _lines(draw, label, "semibold", MARGIN, top, INK)
        value = clean(bar["value"], "bold")
        value_face = font("bold", 34)
        room = width - value_face.getlength(value) - 16
        length = max(4, round(room * bar["share"]))
        draw.rounded_rectangle((MARGIN, top + 48, MARGIN + length, top + 48 + 56), radius=4,
                               fill=COLOURS[i % len(COLOURS)])
        draw.text((MARGIN + length + 16, top + 48 + 28), value, font=value_face, fill=INK, anchor="lm")
    return chart_top + (len(bars) - 1) * row + 48 + 56


def _shares(draw, bars: list[dict], width: int, chart_top: int) -> float:
    x, top = float(MARGIN), chart_top
    for i, bar in enumerate(bars):
        length = width * bar["share"]
        draw.rectangle((round(x), top, round(x + length) - 1, top + 90), fill=COLOURS[i % len(COLOURS)])
        x += length
    y = top + 130
    for i, bar in enumerate(bars):
        draw.rectangle((MARGIN, y + 6, MARGIN + 32, y + 38), fill=COLOURS[i % len(COLOURS)])
        legend = fit(clean(f"{bar['label']}: {bar['value']}", "semibold"), "semibold", width - 52, 44,
                     range(32, 21, -2), max_lines=1)
        _lines(draw, legend, "semibold", MARGIN + 52, y, INK)
        y += 64
    return y - 20


def _figure(draw, row: list, width: int, chart_top: int) -> float:
    label, value = row
    number = fit(clean(value, "bold"), "bold", width, 260, range(120, 47, -8), leading=1.1, max_lines=2)
    y = _lines(draw, number, "bold", MARGIN, chart_top, EPI_BLUE)
    caption = fit(clean(label, "semibold"), "semibold", width, 100, range(36, 23, -2), max_lines=2)
    return _lines(draw, caption, "semibold", MARGIN, y + 16, INK)


def infographic_png(data: dict) -> bytes:
    middle = _middle(data)
    return compose(_base_indexed(data["funded_by"], data["funding"], data["disclaimer"], data["domain"]), middle,
                   MIDDLE[0])


def cache_key(data: dict) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False)
