"""Charts drawn at build time: geometry and localized values for the SVG template."""

from __future__ import annotations

from dataclasses import dataclass

from ..content.charts import Dataset
from .language import Language
from .typography import bind

WIDTH = 640
ROW = 64
BAR = 26
LABEL_SPACE = 150


@dataclass(frozen=True)
class Bar:
    label: str
    value: str
    x: float
    width: float
    y: float
    index: int


def format_value(language: Language, value: float, unit: str, approximate: bool = False) -> str:
    """A value with its unit, as the page's locale writes it, on one line ("26 809 473 personas")."""
    fmt, t = language.fmt, language.translations
    if unit == "percent":
        text = fmt.percent(value)
    elif approximate and value >= 1_000_000:
        text = fmt.compact(value)
    else:
        text = t.ngettext("%(num)s person", "%(num)s persons", int(value)) % {"num": fmt.number(value)}
    return bind(t.gettext("about %(value)s") % {"value": text} if approximate else text, language.code)


def view(language: Language, dataset: Dataset, area: str | None = None) -> dict:
    """Everything the chart template needs, computed once."""
    texts, text_lang = dataset.text(language.code, language.project.default_language)
    labels = texts.get("labels", {})
    values = [format_value(language, p.value, dataset.unit, dataset.approximate) for p in dataset.series]
    bars: list[Bar] = []
    height = 0
    if dataset.kind == "bar":
        top = max(p.value for p in dataset.series) or 1
        for i, (point, value) in enumerate(zip(dataset.series, values, strict=True)):
            width = max(2.0, (WIDTH - LABEL_SPACE) * point.value / top)
            bars.append(Bar(labels.get(point.key, point.key), value, 0, round(width, 1), i * ROW, i + 1))
        height = len(bars) * ROW
    elif dataset.kind == "share":
        x = 0.0
        for i, (point, value) in enumerate(zip(dataset.series, values, strict=True)):
            width = WIDTH * point.value / 100
            bars.append(Bar(labels.get(point.key, point.key), value, round(x, 1), round(width, 1), 0, i + 1))
            x += width
        height = BAR + 8
    total = None
    if dataset.total is not None:
        total = format_value(language, dataset.total, dataset.total_unit or dataset.unit, dataset.approximate)
    rows = [(labels.get(p.key, p.key), v) for p, v in zip(dataset.series, values, strict=True)]
    return {
        "dataset": dataset,
        "area": area or dataset.area,
        "title": texts.get("title", dataset.id),
        "description": texts.get("description", ""),
        "text_lang": text_lang,
        "bars": bars,
        "rows": rows,
        "total": total,
        "width": WIDTH,
        "height": height,
        "bar_height": BAR,
        "label_space": LABEL_SPACE,
    }
