"""content/fields.py: a value no code could compute with is refused where it is read, with one message.

Each case is a value that once stopped the check or the build with a traceback:
NaN and infinity in a chart, a 400-digit integer, a negative part of a share chart (Pillow refused to
draw it), a month or a day in the year 9999 (the month after it has no calendar). The message names
the file and the line, and a mistake in one phase is reported once, not again by everything that
refers to the phase.
"""

from __future__ import annotations

import pytest

from epi_site.content.loading import load_content
from epi_site.project import load_project

BIG = "9" * 400
CASES = [
    ("content/charts/immigration-2018.yml", "    value: 50\n  - key: other", "    value: .nan\n  - key: other",
     "'value' must be a number, not nan"),
    ("content/charts/unemployment-2019.yml", "    value: 26809473", "    value: .inf", "'value' must be a number, not inf"),
    ("content/charts/unemployment-2019.yml", "    value: 26809473", "    value: -.inf", "'value' must be a number, not -inf"),
    ("content/charts/unemployment-2019.yml", "    value: 26809473", f"    value: {BIG}",
     "larger than any figure this site shows"),
    ("content/charts/unemployment-2019.yml", "    value: 26809473", "    value: -5", "'value' is -5, below 0"),
    ("content/charts/immigration-2018.yml", "    value: 50\n  - key: other\n    value: 50",
     "    value: 150\n  - key: other\n    value: -50", "'value' is -50, below 0"),
    ("content/charts/immigration-2018.yml", "total: 4500000", "total: -4500000", "'total' is -4500000, below 0"),
    ("content/timeline.yml", "    end: 2020-12", "    end: 9999-12", "'9999-12' is not a year this site can show"),
    ("content/timeline.yml", "start: 2020-01-01", "start: 9999-12-31", "'9999-12-31' is not a year this site can show"),
    ("content/news/2020-01-01-epi-starts.en.md", "date: 2020-01-01", "date: 9999-12-31",
     "'9999-12-31' is not a year this site can show"),
]


IDS = [f"{file.split('/')[-1]}:{new.split(':')[-1].strip()[:12]}" for file, _, new, _ in CASES]


@pytest.mark.parametrize(("file", "old", "new", "message"), CASES, ids=IDS)
def test_a_value_nothing_can_compute_with_is_one_message_with_its_line(scratch, file, old, new, message):
    path = scratch / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    content, problems = load_content(load_project(scratch))
    assert content is None
    found = [p for p in problems if p.file == file]
    assert [p for p in found if message in p.message], [str(p) for p in problems]
    assert all(p.line for p in found), [str(p) for p in found]
    assert len(problems) == 1, [str(p) for p in problems]  # nothing that refers to it complains as well


@pytest.mark.parametrize(("value", "expected", "fix"), [
    ("LV", "LV", None),
    ("Latvia", None, "such as DE for Germany"),
    ("lv", None, "two-letter ISO code in capitals"),
    ("XY", None, "such as DE for Germany"),
])
def test_every_country_field_takes_the_same_rule(value, expected, fix):
    """Partners and the publisher alike: one rule, in content/fields.py."""
    from epi_site.content.fields import Entry
    from epi_site.problems import Problems

    problems = Problems()
    entry = Entry({"country": value}, "content/partners.yml", "partner 'x'", problems)
    assert entry.country("country", example="DE") == expected
    if fix is None:
        assert not problems
    else:
        assert len(problems) == 1 and fix in problems.items[0].fix and "is not a country code" in problems.items[0].message
