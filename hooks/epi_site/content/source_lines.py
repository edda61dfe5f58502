"""The line of the source that wrote what the converted HTML holds.

HTML keeps no line numbers: a finding is placed on a line that writes it, found by what it is (an
address, a tag's name, a label). The n-th finding of one kind goes to the n-th such line, so that
each line that writes it is named once. Only where a text writes the same thing both in code and
outside it can the line named be the one in code: the file and what to look for are still right.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable


class SourceLines:
    def __init__(self, body: str, first: int):
        self.raw = body.split("\n")
        self.first = first
        self._decoded: list[str] | None = None
        self._found: dict = {}
        self._used: Counter = Counter()

    @property
    def decoded(self) -> list[str]:
        """Each line as a browser reads its text: references decoded, case folded."""
        if self._decoded is None:
            self._decoded = [html.unescape(line).casefold() for line in self.raw]
        return self._decoded

    def line(self, key, *tests: Callable[[int], int]) -> int | None:
        """The line of the next finding of ``key``: of the lines that pass the first of ``tests``
        any passes, in order, each as often as the test counts it there (a finding beyond the last
        goes to the last)."""
        if key not in self._found:
            self._found[key] = next((found for test in tests
                                     if (found := [i for i in range(len(self.raw)) for _ in range(test(i))])), [])
        found = self._found[key]
        if not found:
            return None
        used = self._used[key]
        self._used[key] += 1
        return self.first + found[min(used, len(found) - 1)]

    def writing(self, text: str) -> Callable[[int], int]:
        """A test: how often the line's text, as a browser reads it, holds ``text``."""
        needle = text.casefold()
        return lambda index: self.decoded[index].count(needle) if needle else 0

    def text(self, line: int) -> str:
        return self.raw[line - self.first]
