"""Problems found in contributors' files, reported all at once."""

from __future__ import annotations

from dataclasses import dataclass, field

from .safety.safe_text import shown_name


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one place, with what to write instead.

    ``where`` names the entry or field (``partners[3].country``) when a line
    number alone would not say enough.
    """

    file: str
    line: int | None = None
    where: str = ""
    message: str = ""
    fix: str = ""
    category: str = ""  # "unsafe content" for what could run, track, leak or slow the build down

    def location(self) -> str:
        text = self.file
        if self.line:
            text += f":{self.line}"
        if self.where:
            text += f" ({self.where})"
        return text

    def __str__(self) -> str:
        text = f"{self.location()}: {self.message}"
        if self.fix:
            text += f"\n    What to do: {self.fix}"
        return text


@dataclass
class Problems:
    """Collects problems so that a contributor sees every one in one run."""

    items: list[Problem] = field(default_factory=list)
    # Advice that never stops a build (a translation that does not use the glossary's term).
    warnings: list[Problem] = field(default_factory=list)

    def warn(self, file: str, message: str, *, line: int | None = None, where: str = "", fix: str = "") -> None:
        self.warnings.append(Problem(shown_name(str(file)), line, where, message, fix))

    def warning_list(self) -> list[Problem]:
        return sorted(set(self.warnings), key=lambda p: (p.file, p.line or 0, p.where, p.message))

    def warning_report(self) -> str:
        items = self.warning_list()
        head = f"{len(items)} warning{'s' if len(items) != 1 else ''} (these do not stop the build):"
        return "\n".join([head, *(f"- {p}" for p in items)])

    def add(self, file: str, message: str, *, line: int | None = None, where: str = "", fix: str = "",
            category: str = "") -> None:
        # A file's name comes from a pull request: printed with its invisible characters written out.
        self.items.append(Problem(shown_name(str(file)), line, where, message, fix, category))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(set(self.items))  # a file read twice reports its mistake once

    def __iter__(self):
        return iter(sorted(set(self.items), key=lambda p: (p.file, p.line or 0, p.where, p.message)))

    def listed(self, per_file: int = 20) -> list[Problem]:
        """The problems to print: at most ``per_file`` for one file, then how many more it has.
        A file with a mistake on each of its lines should not bury the others' problems."""
        by_file: dict[str, list[Problem]] = {}
        for problem in self:  # sorted by file, then line
            by_file.setdefault(problem.file, []).append(problem)
        shown = []
        for file, found in by_file.items():
            shown += found[:per_file]
            more = len(found) - per_file
            if more > 0:
                shown.append(Problem(file, None, "", f"and {more:,} more problem{'s' if more != 1 else ''} in this "
                                     "file, not listed", "fix the ones above, then run the check again"))
        return shown

    def report(self) -> str:
        total = len(list(self))
        head = f"{total} problem{'s' if total != 1 else ''} found in the site's files:"
        return "\n".join([head, *(f"- {p}" for p in self.listed())])


class ContentError(Exception):
    """Raised when contributors' files must be fixed before anything is built."""

    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__(problems.report())
