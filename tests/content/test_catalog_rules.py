"""Catalog mistakes a translator can make are refused with file, line and what to write instead."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import build


def check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-P", "-m", "epi_site.check", "--root", str(root), "--no-status"],
                          capture_output=True, text=True)


def edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` once and return the line where the entry's msgid stands (what the check names)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    at = text.index(old)
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[:at].count("\n") + 1


def refused(root: Path, *expected: str) -> str:
    result = check(root)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    for fragment in expected:
        assert fragment in result.stdout, f"{fragment!r} not in:\n{result.stdout}"
    return result.stdout


def test_a_renamed_placeholder(scratch):
    line = edit(scratch / "locales/de.po", 'msgid "Source: %(source)s"\nmsgstr "Quelle: %(source)s"',
                'msgid "Source: %(source)s"\nmsgstr "Quelle: %(quelle)s"')
    refused(scratch, f"locales/de.po:{line}: the translation of 'Source: %(source)s' does not fit its placeholders",
            "unknown named placeholder 'quelle'", "keep exactly the placeholders of the English text: %(source)s")


def test_a_dropped_placeholder(scratch):
    line = edit(scratch / "locales/de.po", 'msgstr "Quelle: %(source)s"', 'msgstr "Quelle"')
    refused(scratch, f"locales/de.po:{line - 1}: the translation of 'Source: %(source)s' changes its placeholders: "
                     "%(source)s is missing", "never the names in brackets")


def test_a_dropped_placeholder_in_one_plural_form(scratch):
    line = edit(scratch / "locales/lv.po", 'msgstr[2] "%(num)s ziņu"', 'msgstr[2] "ziņu"')
    refused(scratch, "locales/lv.po:", "the translation of '%(num)s news item' changes its placeholders: "
                     "%(num)s is missing")
    assert line > 1


@pytest.mark.parametrize("stray", ["100%", "50 % of", "%d"])
def test_a_stray_percent_sign(scratch, stray):
    edit(scratch / "locales/de.po", 'msgstr "Nächste Ausgabe: %(quarter)s"', f'msgstr "Nächste Ausgabe: %(quarter)s {stray}"')
    out = refused(scratch, "locales/de.po:", "'Next issue: %(quarter)s'")
    assert "write a percent sign as %%" in out or "does not fit its placeholders" in out


def test_a_stray_percent_sign_stops_the_build_with_a_message_not_a_traceback(scratch, tmp_path):
    edit(scratch / "locales/de.po", 'msgstr "Nächste Ausgabe: %(quarter)s"', 'msgstr "Nächste Ausgabe: %(quarter)s 100%"')
    result = build(scratch, tmp_path / "site")
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert "locales/de.po:" in out and "write a percent sign as %%" in out
    assert "Traceback" not in out
    assert not (tmp_path / "site/de/index.html").exists()


def test_a_wrong_number_of_plural_forms(scratch):
    edit(scratch / "locales/lv.po", 'msgstr[1] "%(num)s ziņas"\nmsgstr[2] "%(num)s ziņu"\n', 'msgstr[1] "%(num)s ziņas"\n')
    refused(scratch, "locales/lv.po:", "'%(num)s news item' lacks plural form msgstr[2] (Latviešu has 3 forms)",
            "write one line for each: msgstr[0], msgstr[1], msgstr[2]")


def test_too_many_plural_forms(scratch):
    edit(scratch / "locales/lv.po", 'msgstr[2] "%(num)s ziņu"\n', 'msgstr[2] "%(num)s ziņu"\nmsgstr[3] "%(num)s ziņām"\n')
    refused(scratch, "locales/lv.po:", "an entry has more plural forms than Latviešu has (3)",
            "keep one line for each: msgstr[0], msgstr[1], msgstr[2]")


def test_a_plural_forms_header_that_is_not_the_languages_rule(scratch):
    po = scratch / "locales/lv.po"
    text = po.read_text(encoding="utf-8")
    header = next(line for line in text.splitlines() if line.startswith('"Plural-Forms:'))
    line = text.splitlines().index(header) + 1
    po.write_text(text.replace(header, '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"'), encoding="utf-8")
    refused(scratch, f"locales/lv.po:{line}: the Plural-Forms line is not the rule of this language "
                     "(nplurals=2; plural=(n != 1);)",
            'write in the header: "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);')


@pytest.mark.parametrize("markup", ['<b>Startseite</b>', '<script>alert(1)</script>', 'Start&shy;seite',
                                    'Start<!-- x -->seite', '<img src=x onerror=alert(1)>', 'Start&#60;seite',
                                    # a tag as browsers read one, whatever its name holds
                                    'Start<x_y onfocus=alert(1)>', '<a:b onclick=x>', '</x_y>', '<?php ?>'])
def test_markup_in_a_msgstr_whose_msgid_has_none(scratch, markup):
    line = edit(scratch / "locales/de.po", 'msgid "Home"\nmsgstr "Startseite"', f'msgid "Home"\nmsgstr "{markup}"')
    refused(scratch, f"locales/de.po:{line}: the translation of 'Home' holds HTML markup, which the English text has not",
            "write plain text: no <tags>")


def test_plain_punctuation_is_not_markup(scratch):
    edit(scratch / "locales/de.po", 'msgid "Home"\nmsgstr "Startseite"', 'msgid "Home"\nmsgstr "Start & Ziel < 3 >"')
    result = check(scratch)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("width", ["%(source)3000000s", "%(source)-9s", "%(source).2s", "%(source)09s"])
def test_a_placeholder_with_a_width_or_precision(scratch, width):
    line = edit(scratch / "locales/de.po", 'msgid "Source: %(source)s"\nmsgstr "Quelle: %(source)s"',
                f'msgid "Source: %(source)s"\nmsgstr "Quelle: {width}"')
    refused(scratch, f"locales/de.po:{line}: the translation of 'Source: %(source)s' gives the placeholder {width}",
            "write it as %(source)s, exactly as in the English text")


@pytest.mark.parametrize("brk", ["\\n", "\\r", "\u2028", "\x85", "\\nBcc: x@example.org"])
def test_a_line_break_in_a_one_line_string(scratch, brk):
    line = edit(scratch / "locales/de.po", 'msgid "Home"\nmsgstr "Startseite"', f'msgid "Home"\nmsgstr "Start{brk}seite"')
    refused(scratch, f"locales/de.po:{line}: the translation of 'Home' breaks the line",
            "write the translation on one line")


def test_a_byte_order_mark_at_the_start_of_a_catalog_is_accepted(scratch, tmp_path):
    path = scratch / "locales/de.po"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = check(scratch)
    assert result.returncode == 0, result.stdout
    assert build(scratch, tmp_path / "site").returncode == 0
    assert "Startseite" in (tmp_path / "site/de/index.html").read_text(encoding="utf-8")
