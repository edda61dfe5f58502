"""rendering/raster_text.py: text fitted into the images, balanced, never broken at a no-break space."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from epi_site.rendering.raster_text import NBSP, balance, drawable, fit, font, wrap

WORDS = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüąęłńśźżāēīū", min_size=1, max_size=12),
                 min_size=1, max_size=40)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(words=WORDS, width=st.integers(min_value=300, max_value=1100))
def test_balanced_lines_keep_every_word_fit_the_width_and_add_no_line(words, width):
    face = font("bold", 48)
    text = " ".join(words)
    greedy = wrap(text, face, width, break_words=False)
    if greedy is None:  # a word alone is wider than the line: fit() breaks it at the smallest size only
        return
    lines = balance(text, face, width, greedy)
    assert " ".join(lines) == text
    assert len(lines) == len(greedy)
    assert all(face.getlength(line) <= width for line in lines)
    # As even as they go: the narrowest measure that needs no more lines, so the longest line is never
    # longer than greedy wrapping's longest (the search stops within a pixel of that measure).
    assert max(map(face.getlength, lines)) <= max(map(face.getlength, greedy)) + 1


def test_a_lone_last_word_gets_company():
    face = font("bold", 76)
    text = "The European Pact for Integration began on 1 January 2020"
    greedy = wrap(text, face, 1072, break_words=False)
    balanced = balance(text, face, 1072, greedy)
    assert len(balanced) == len(greedy)
    assert len(balanced[-1].split(" ")) > 1
    widths = [face.getlength(line) for line in balanced]
    assert max(widths) - min(widths) < max(face.getlength(line) for line in greedy) - min(face.getlength(line) for line in greedy)


def test_a_no_break_space_survives_cleaning_and_is_never_a_line_end():
    text = drawable(f"sākās 2020.{NBSP}gada 1.\u202fjanvārī", "bold")
    assert text == f"sākās 2020.{NBSP}gada 1.{NBSP}janvārī"
    for width in range(200, 900, 25):
        for line in fit(text, "bold", width, 2000, range(60, 59, -1), max_lines=10).lines:
            assert not line.endswith(("2020.", "1.")), line


def test_no_break_spaces_at_a_words_edge_or_in_a_row_are_one_or_none():
    assert drawable(f"{NBSP}a{NBSP}{NBSP}b {NBSP} c{NBSP}", "regular") == f"a{NBSP}b c"
