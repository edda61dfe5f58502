"""The line of the source that wrote what the converted HTML holds.

HTML keeps no line numbers: a finding is placed on a line that writes it, found by what it is (an
address, a tag's name, a label). The n-th finding of one kind goes to the n-th such line, so that
each line that writes it is named once. Only where a text writes the same thing both in code and
outside it can the line named be the one in code: the file and what to look for are still right.

Each way of finding lines reads the text once (an index), so that a text with thousands of
findings costs no more than its length times a few.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

# Lines looked for by their text alone, at most, in one text: the last resort, which reads every line.
MAX_SEARCHES = 50


class SourceLines:
    def __init__(self, body: str, first: int):
        self.raw = body.split("\n")
        self.first = first
        self._indexes: dict[str, dict] = {}
        self._chosen: dict = {}
        self._used: Counter = Counter()
        self._searches = 0
        self._decoded: list[str] | None = None

    def line(self, key, *finders: Callable[[], list[int]]) -> int | None:
        """The line of the next finding of ``key``: of the lines the first of ``finders`` that finds
        any gives, in order (a finding beyond the last goes to the last)."""
        if key not in self._chosen:
            self._chosen[key] = next((found for finder in finders if (found := finder())), [])
        found = self._chosen[key]
        if not found:
            return None
        used = self._used[key]
        self._used[key] += 1
        return self.first + found[min(used, len(found) - 1)]

    def index(self, name: str, scan: Callable[[str], Iterable]) -> dict:
        """{what: [line, …]} of what ``scan`` finds on each line (a line once for each time), read once."""
        if name not in self._indexes:
            found = defaultdict(list)
            for number, line in enumerate(self.raw):
                for key in scan(line):
                    found[key].append(number)
            self._indexes[name] = found
        return self._indexes[name]

    def writing(self, text: str) -> list[int]:
        """The lines whose text, as a browser reads it, holds ``text`` (once for each time)."""
        needle = text.casefold()
        if not needle or self._searches >= MAX_SEARCHES:
            return []
        self._searches += 1
        if self._decoded is None:
            self._decoded = [html.unescape(line).casefold() for line in self.raw]
        return [number for number, line in enumerate(self._decoded) for _ in range(line.count(needle))]

    def text(self, line: int) -> str:
        return self.raw[line - self.first]
