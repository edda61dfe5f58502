"""content/labels.py: the per-language texts of the timeline's and charts' entries."""

from __future__ import annotations

import re

from epi_site.content.loading import load_content
from epi_site.project import load_project
from epi_site.rendering.generation import Generation
from epi_site.rendering.language import Language


def test_a_translation_that_lacks_a_field_shows_the_english_one(scratch):
    path = scratch / "content/timeline.lv.yml"
    text = path.read_text(encoding="utf-8")
    # The Latvian entry of the first phase keeps its id and loses both its texts (as '{}').
    path.write_text(re.sub(r"(  reviews:)\n    title: .*\n    summary: .*\n", r"\1 {}\n", text), encoding="utf-8")
    content, problems = load_content(load_project(scratch))
    assert content is not None and not problems, problems.report()
    english = content.timeline.phase("reviews").texts["en"]
    assert content.timeline.phase("reviews").texts["lv"] == english
    page = next(p for p in Generation(content, Language.of(content.project, "lv")).pages() if p.key == "timeline/index")
    assert english["title"] in page.body
