"""Datasets for the infographics (content/charts/<id>.yml and charts.<lang>.yml)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from .fields import SLUG, Entry, list_of
from .labels import LabelFiles, load_label_files
from ..problems import Problems
from ..project import Project
from ..safety.limits import MAX_CHART_VALUES
from ..safety.spreadsheet import text_cell
from .sources import read_yaml, rel
from .translations import in_language

KINDS = ("bar", "share", "figure")
UNITS = ("persons", "percent")
FIELDS = ("kind", "source", "area", "year", "unit", "approximate", "total", "total_unit", "series")


@dataclass(frozen=True)
class Point:
    key: str
    value: float


@dataclass(frozen=True)
class Dataset:
    id: str
    kind: str
    source: str
    area: str
    year: int | None
    unit: str
    approximate: bool
    total: float | None
    total_unit: str | None
    series: tuple[Point, ...]
    texts: dict = field(compare=False, hash=False)

    def text(self, lang: str, default: str) -> tuple[dict, str]:
        return in_language(self.texts, lang, default, {})

    def csv(self, labels: dict, area: str | None = None) -> str:
        """The dataset as CSV, with the labels (and the area's label) of one language."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["dataset", "area", "year", "key", "label", "value", "unit", "approximate", "source"])
        dataset, area, source = text_cell(self.id), text_cell(area or self.area), text_cell(self.source)
        for point in self.series:
            writer.writerow([dataset, area, self.year or "", text_cell(point.key),
                             text_cell(labels.get(point.key, point.key)), _plain(point.value),
                             text_cell(self.unit), str(self.approximate).lower(), source])
        if self.total is not None:
            writer.writerow([dataset, area, self.year or "", "total", "", _plain(self.total),
                             text_cell(self.total_unit or self.unit), str(self.approximate).lower(), source])
        return out.getvalue()


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def load_datasets(project: Project, problems: Problems) -> tuple[dict[str, Dataset], LabelFiles]:
    labels = load_label_files(project, "charts", problems)
    paths = sorted((project.content_dir / "charts").glob("*.yml"))
    datasets: dict[str, Dataset] = {}
    for path in paths:
        dataset = _dataset(path, labels, project, problems)
        if dataset is not None:
            datasets[dataset.id] = dataset
    # Every chart file's id is known, loaded or not: its own mistake is not repeated as an unknown id.
    labels.unknown(None, {path.stem for path in paths}, problems)
    return datasets, labels


def _dataset(path: Path, labels: LabelFiles, project: Project, problems: Problems) -> Dataset | None:
    """One chart's file, checked; None when it cannot be drawn."""
    file = rel(path, project.root)
    did = path.stem
    if not SLUG.match(did):
        problems.add(file, f"'{did}' is not a valid chart id",
                     fix="name the file with lower-case letters, digits and hyphens")
        return None
    entry = Entry(read_yaml(path, project.root, problems), file, f"chart '{did}'", problems)
    entry.known_keys(FIELDS)
    kind = entry.choice("kind", KINDS)
    unit = entry.choice("unit", UNITS)
    source, area = entry.text("source", example="Eurostat"), entry.text("area", example="EU-27")
    year = _year(entry)
    total = entry.number("total", required=False, minimum=0)
    total_unit = entry.choice("total_unit", UNITS) if "total_unit" in entry.data else None
    series = _series(entry)
    points = _points(series, file, problems)
    # Summed only when every part was read: a part refused above is its own message, not a wrong sum.
    if kind == "share" and points and len(points) == len(series) and abs(sum(p.value for p in points) - 100) > 0.01:
        entry.problem("series", "the shares of a 'share' chart must add up to 100", "check the values")
    texts = labels.texts(None, did, ("title", "description", "labels"), project, problems)
    _check_labels(texts, points, labels, did, project.default_language, problems)
    if not (kind and unit and source and area and points):
        return None
    return Dataset(did, kind, source, area, int(year) if year else None, unit,
                   entry.flag("approximate"), total, total_unit, tuple(points), texts)


def _year(entry: Entry) -> float | int | None:
    year = entry.number("year", required=False)
    if year is not None and (not float(year).is_integer() or not 1900 < year < 2100):
        entry.problem("year", f"'{year}' is not a year", "write the year with four digits, such as 2019")
        return None
    return year


def _series(entry: Entry) -> list:
    """The 'series' list, cut at the limit of values a chart may have."""
    series = list_of(entry.data.get("series"), entry.file, entry.problems, "values")
    if len(series) > MAX_CHART_VALUES:
        entry.problems.add(entry.file, f"this chart has {len(series):,} values; the limit is {MAX_CHART_VALUES}",
                           line=entry.line_of("series"), where=f"{entry.where}.series", category="unsafe content",
                           fix="show the most important values, or split the data into several charts")
        series = series[:MAX_CHART_VALUES]  # behind the check too: nothing reads the rest
    return series


def _points(series: list, file: str, problems: Problems) -> list[Point]:
    points: list[Point] = []
    seen: set[str] = set()  # not a set rebuilt for each value: that was quadratic
    for index, raw in enumerate(series):
        point = Entry(raw, file, f"series[{index}]", problems)
        point.known_keys(("key", "value"))
        # The charts show counts and rates: a negative value would draw a bar back from nothing
        # (and a share chart's slices would overlap), so none is accepted.
        key, value = point.slug("key"), point.number("value", minimum=0)
        if key is not None:
            if key in seen:
                point.problem("key", f"the key '{key}' is used twice", "give each value its own key")
                continue
            seen.add(key)
        if key and value is not None:
            points.append(Point(key, value))
    return points


def _check_labels(texts: dict, points: list[Point], labels: LabelFiles, did: str, default: str,
                  problems: Problems) -> None:
    """The English texts name every value of the chart."""
    if default not in texts:
        return  # no English texts at all: reported where they are read
    names = texts[default].get("labels")
    missing = [p.key for p in points if p.key not in (names if isinstance(names, dict) else {})]
    if missing:
        problems.add(labels.file(default), f"no label for {', '.join(missing)}", where=f"{did}.labels",
                     fix=" and ".join(f"add '{k}: ...' under labels" for k in missing))
