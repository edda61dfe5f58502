"""Reading contributors' YAML and Markdown with the line numbers kept.

Every reader here reports into a ``Problems`` collection instead of raising,
so that one run shows every mistake.
"""

from __future__ import annotations

import re
from html.entities import html5
from pathlib import Path

import yaml

from ..problems import Problems
from ..safety.limits import MAX_FILE_BYTES, MAX_YAML_DEPTH
from ..safety.safe_text import direction_controls, without_direction_controls

DIRECTION_FIX = ("delete the invisible character: retype the words around it (none of the site's languages "
                 "needs it; to show text from right to left, ask a maintainer)")


class LineDict(dict):
    """A mapping from YAML that remembers the line of each key (1-based)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = 0
        self.lines: dict = {}

    def line_of(self, key) -> int:
        return self.lines.get(key, self.line)


class LineList(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.line = 0
        self.lines: list = []


class _Refused(yaml.MarkedYAMLError):
    """YAML that is valid but not accepted from contributors: anchors, aliases, deep nesting."""

    def __init__(self, problem: str, fix: str, mark):
        super().__init__(problem=problem, problem_mark=mark)
        self.fix = fix


def _refuse_anchors_and_depth(text: str) -> None:
    """Refused from the parser's events, before any node is composed: an alias bomb costs nothing."""
    depth = 0
    for event in yaml.parse(text, Loader=_Parser):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused("anchors and aliases ('&name', '*name') are not allowed",
                           "write each value out in full where it is needed", event.start_mark)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise _Refused(f"this is nested more than {MAX_YAML_DEPTH} levels deep",
                               "use fewer levels of lists and indentation", event.start_mark)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


# libyaml's C parser when PyYAML has it (the wheels do): about five times faster than the pure-Python one.
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_Parser):
    line_offset = 0

    def construct_mapping(self, node, deep=False):
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1 + self.line_offset
        mapping.lines = {
            self.construct_object(k, deep=True): k.start_mark.line + 1 + self.line_offset
            for k, _ in node.value
        }
        return mapping

    def construct_sequence(self, node, deep=False):
        seq = LineList(super().construct_sequence(node, deep=True))
        seq.line = node.start_mark.line + 1 + self.line_offset
        seq.lines = [item.start_mark.line + 1 + self.line_offset for item in node.value]
        return seq


    def construct_yaml_timestamp(self, node):
        # An impossible date such as 2022-06-31 stays text, so the field's check can explain it.
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_timestamp)
_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_sequence)


# Tags (<b>, </a>, <!-- -->) and character references (&amp; &#60;); a lone < or & is text, and so
# is "&" before a word that names no character ("R&D;", "AT&T;" in a list).
_ENTITY_NAMES = sorted((name[:-1] for name in html5 if name.endswith(";")), key=lambda name: (-len(name), name))
# A tag's name ends with a space, "/" or ">", as browsers read it: "<anna@example.org>" and "n<N" are text.
MARKUP = re.compile(r"<[A-Za-z][A-Za-z0-9-]*(?=[\s/>])|</[A-Za-z]|<[!?]|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|(?:"
                    + "|".join(_ENTITY_NAMES) + "));")
# How a browser reads markup, for text that no template escapes for it (a catalog string may stand in
# a feed's HTML or an email): "<" before a letter opens a tag whatever the name holds ("<x_y onfocus=...>"),
# "</", "<!" and "<?" open an end tag or a comment, and references are read as above.
BROWSER_MARKUP = re.compile(r"<[A-Za-z/!?]|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|(?:" + "|".join(_ENTITY_NAMES) + "));")
MARKUP_FIX = "write plain text: the site shows & < > as they are, so write them directly (& rather than &amp;)"


ESCAPED_DIRECTION_FIX = "delete the escape (such as \\u202e or \\u2066) from the quoted text"


def _plain_text(data, file: str, problems: Problems, where: str = "", line: int = 0):
    """Every value of YAML (data files, front matter) is plain text, shown as typed. A direction
    control written as a quoted escape ("\\u202e"), which ``read_text`` never sees, is reported and
    dropped, from names too; a tag or an entity is reported, as readers would see it as code.
    Returns the data without direction controls."""
    if isinstance(data, dict):
        lines = dict(data.lines) if isinstance(data, LineDict) else {}
        items = []
        for key, value in data.items():
            at = lines.get(key, getattr(data, "line", line))
            if isinstance(key, str) and direction_controls(key):
                named = without_direction_controls(key)
                problems.add(file, f"the name '{named}' holds an invisible direction control "
                             f"(U+{ord(direction_controls(key)[0][1]):04X})", line=at or None,
                             where=f"{where}.{named}" if where else named, fix=ESCAPED_DIRECTION_FIX,
                             category="unsafe content")
                key, lines[named] = named, at
            items.append((key, _plain_text(value, file, problems, f"{where}.{key}" if where else str(key), at)))
        data.clear()
        data.update(items)
        if isinstance(data, LineDict):
            data.lines = lines
        return data
    if isinstance(data, list):
        lines = data.lines if isinstance(data, LineList) else []
        for index, value in enumerate(data):
            data[index] = _plain_text(value, file, problems, f"{where}[{index + 1}]",
                                      lines[index] if index < len(lines) else line)
        return data
    if isinstance(data, str):
        controls = direction_controls(data)
        if controls:
            problems.add(file, f"'{where}' holds an invisible direction control (U+{ord(controls[0][1]):04X}), "
                         "which shows the text in another order than it is written", line=line or None, where=where,
                         fix=ESCAPED_DIRECTION_FIX, category="unsafe content")
            data = without_direction_controls(data)
        found = MARKUP.search(data)
        if found:
            shown = data[found.start():found.start() + 20].split(">")[0] + (">" if data[found.start()] == "<" else "")
            problems.add(file, f"'{where}' holds markup ({shown}), which the site would show as typed", line=line or None,
                         where=where, fix=MARKUP_FIX, category="unsafe content")
    return data


def parse_yaml(text: str, file: str, problems: Problems, line_offset: int = 0):
    """Parse YAML text; on a syntax error, record where and return None."""

    class Loader(_LineLoader):
        pass

    Loader.line_offset = line_offset
    try:
        _refuse_anchors_and_depth(text)
        data = yaml.load(text, Loader=Loader)  # noqa: S506 - a safe loader's subclass
        return _plain_text(data, file, problems)
    except _Refused as error:
        problems.add(file, f"this YAML is not accepted: {error.problem}", line=error.problem_mark.line + 1 + line_offset,
                     fix=error.fix, category="unsafe content")
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + line_offset if mark else None
        problems.add(
            file,
            f"this is not valid YAML: {error.problem or error}",
            line=line,
            fix="check the indentation and the colons on this line; put a value that contains ': ' "
                "or starts with a special character in double quotes",
        )
    except yaml.YAMLError as error:
        problems.add(file, f"this is not valid YAML: {error}", fix="check the file's indentation")
    return None


def read_yaml(path: Path, root: Path, problems: Problems):
    return parse_yaml(read_text(path, root, problems) or "", rel(path, root), problems)


def read_text(path: Path, root: Path, problems: Problems) -> str | None:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            problems.add(rel(path, root), f"this file is too large ({path.stat().st_size:,} bytes; "
                         f"the limit is {MAX_FILE_BYTES:,})",
                         fix="split it into several files; pictures go in docs/assets/", category="unsafe content")
            return None
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.add(rel(path, root), "this file is not saved as UTF-8 text", fix="save it as UTF-8 in your editor")
    except OSError as error:
        problems.add(rel(path, root), f"cannot read this file: {error.strerror}")
    else:
        for line, character in direction_controls(text):
            problems.add(rel(path, root), f"this line holds an invisible direction control (U+{ord(character):04X}), "
                         "which shows the text in another order than it is written", line=line, fix=DIRECTION_FIX,
                         category="unsafe content")
        return without_direction_controls(text)  # never published, even where a caller ignores the report
    return None


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n?", re.S)


def split_front_matter(text: str, file: str, problems: Problems) -> tuple[LineDict, str, int]:
    """Return (front matter, body, the line on which the body starts)."""
    if text.startswith("---"):
        match = _FRONT_MATTER.match(text)
        if not match:
            problems.add(
                file,
                "the front matter that starts on line 1 with '---' is never closed",
                line=1,
                fix="end the front matter with a line that holds only '---'",
            )
            return LineDict(), text, 1
        data = parse_yaml(match.group(1) or "", file, problems, line_offset=1)
        body_line = match.group(0).count("\n") + 1
        if data is None:
            data = LineDict()
        elif not isinstance(data, dict):
            problems.add(file, "the front matter must be a list of 'key: value' lines", line=2)
            data = LineDict()
        return data, text[match.end():], body_line
    return LineDict(), text, 1


def rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


_SUFFIX = re.compile(r"^(?P<stem>.+?)\.(?P<lang>[A-Za-z]{2}(?:[-_][A-Za-z]+)?)\.(?P<ext>md|yml|yaml)$")


def language_of(path: Path, languages: list[str], root: Path, problems: Problems) -> tuple[str, str] | None:
    """Split ``name.<lang>.md`` into (name, lang), reporting a wrong suffix."""
    match = _SUFFIX.match(path.name)
    file = rel(path, root)
    if not match:
        problems.add(
            file,
            "this file's name does not say its language",
            fix=f"name it {path.stem}.en{path.suffix} for English, or {path.stem}.sv{path.suffix} for Swedish, and so on "
            f"(one of: {', '.join(languages)})",
        )
        return None
    lang = match.group("lang")
    if lang not in languages:
        problems.add(
            file,
            f"'{lang}' is not one of the site's languages",
            fix=f"use one of {', '.join(languages)} (for example {match.group('stem')}.{languages[0]}.{match.group('ext')}), "
            "or add the language to mkdocs.yml first",
        )
        return None
    return match.group("stem"), lang
