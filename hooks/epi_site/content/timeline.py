"""The project's timeline (content/timeline.yml and timeline.<lang>.yml)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .fields import Entry, list_of
from .labels import LabelFiles, load_label_files
from ..problems import Problems
from ..project import Project
from .sources import read_yaml

FILE = "content/timeline.yml"


def project_month(start: dt.date, day: dt.date) -> int:
    """The project month of ``day`` (M1 is the month the project starts in)."""
    return (day.year - start.year) * 12 + day.month - start.month + 1


def month_end(month: dt.date) -> dt.date:
    following = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


@dataclass(frozen=True)
class Phase:
    id: str
    number: int
    start: dt.date
    end: dt.date
    indicative: bool
    texts: dict = field(compare=False, hash=False)


@dataclass(frozen=True)
class Activity:
    id: str
    phase: str
    per_city: bool
    texts: dict = field(compare=False, hash=False)


@dataclass(frozen=True)
class Timeline:
    start: dt.date
    end: dt.date
    phases: tuple[Phase, ...]
    activities: tuple[Activity, ...]
    labels: LabelFiles = field(compare=False, hash=False)
    # Every id the file declares, a phase whose months are wrong included: what refers to it (an
    # activity, a news item, a translation) is then right, and the one mistake is reported once.
    declared_phases: frozenset[str] = frozenset()

    @property
    def months(self) -> int:
        return project_month(self.start, self.end)

    def month(self, day: dt.date) -> int:
        return project_month(self.start, day)

    def phase(self, pid: str) -> Phase | None:
        return next((p for p in self.phases if p.id == pid), None)

    def activities_of(self, pid: str) -> list[Activity]:
        return [a for a in self.activities if a.phase == pid]


def load_timeline(project: Project, problems: Problems) -> Timeline | None:
    data = read_yaml(project.content_dir / "timeline.yml", project.root, problems)
    labels = load_label_files(project, "timeline", problems)
    top = Entry(data, FILE, "timeline", problems)
    top.known_keys(("start", "end", "phases", "activities"))
    start, end = top.date("start"), top.date("end")
    if start and end and end < start:
        top.problem("end", f"the end ({end}) is before the start ({start})", "check both dates")
    phases: list[Phase] = []
    declared: set[str] = set()
    for index, raw in enumerate(list_of(top.data.get("phases"), FILE, problems, "phases")):
        entry = Entry(raw, FILE, f"phases[{index}]", problems)
        entry.known_keys(("id", "start", "end", "indicative"))
        pid = entry.slug("id")
        first, last = entry.month("start"), entry.month("end")
        if first and last and last < first:
            entry.problem("end", "the phase ends before it starts", "check the two months")
        if start and end and first and last and (first < start.replace(day=1) or last > end):
            entry.problem("start", "the phase lies outside the project's dates",
                          f"keep it between {start:%Y-%m} and {end:%Y-%m}")
        if pid in declared:
            entry.problem("id", f"the phase id '{pid}' is used twice", "give each phase its own id")
            continue
        if pid:
            declared.add(pid)
        if pid and first and last:
            texts = labels.texts("phases", pid, ("title", "summary"), project, problems)
            phases.append(Phase(pid, len(phases) + 1, first, month_end(last), entry.flag("indicative"), texts))
    activities: list[Activity] = []
    phase_ids = declared
    for index, raw in enumerate(list_of(top.data.get("activities"), FILE, problems, "activities")):
        entry = Entry(raw, FILE, f"activities[{index}]", problems)
        entry.known_keys(("id", "phase", "per_city"))
        aid = entry.slug("id")
        phase = entry.text("phase", example="reviews")
        if phase and phase not in phase_ids:
            entry.problem("phase", f"there is no phase '{phase}'", f"write one of: {', '.join(sorted(phase_ids))}")
            continue
        if any(a.id == aid for a in activities):
            entry.problem("id", f"the activity id '{aid}' is used twice", "give each activity its own id")
            continue
        if aid and phase:
            texts = labels.texts("activities", aid, ("title", "summary"), project, problems)
            activities.append(Activity(aid, phase, entry.flag("per_city"), texts))
    labels.unknown("phases", phase_ids, problems)
    labels.unknown("activities", {a.id for a in activities}, problems)
    if not (start and end):
        return None
    return Timeline(start, end, tuple(phases), tuple(activities), labels, frozenset(declared))
