"""Every instruction of CONTRIBUTING.md is exercised: its examples pass the check, its example
mistakes produce exactly the messages it shows, and its commands exist, so the guide cannot drift from the code."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT
from epi_site.content.loading import load_content
from epi_site.project import load_project

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"<!-- example: (.+?) -->\n```\w*\n(.*?)```", GUIDE, re.S)


def test_the_guide_has_examples():
    assert len(EXAMPLES) >= 8


def test_new_files_from_the_guide_pass_the_check(scratch):
    written = 0
    for target, block in EXAMPLES:
        if target.startswith("mistake") or "#" in target:
            continue
        (scratch / target).parent.mkdir(parents=True, exist_ok=True)
        (scratch / target).write_text(block, encoding="utf-8")
        written += 1
    assert written >= 4
    content, problems = load_content(load_project(scratch))
    assert not problems, problems.report()
    item = next(i for i in content.news if i.slug == "2022-05-10-roundtable-in-lublin")
    assert set(item.versions) == {"en", "pl"} and item.partners == ("lublin",)
    assert any(issue.key == "2022-q2" and issue.intros for issue in content.issues)


@pytest.mark.parametrize("target, block", [e for e in EXAMPLES if "#" in e[0]])
def test_excerpts_in_the_guide_match_the_real_files(target, block):
    real = " ".join((ROOT / target.split("#")[0]).read_text(encoding="utf-8").split())
    assert " ".join(block.split()) in real


@pytest.mark.parametrize("target, block", [e for e in EXAMPLES if e[0].startswith("mistake")])
def test_mistakes_in_the_guide_give_the_messages_it_shows(scratch, target, block):
    _, file, line = target.split(" ", 2)
    key = line.split(":")[0]
    path = scratch / file
    text = path.read_text(encoding="utf-8")
    text = text.replace("country: SE", line) if key == "country" else re.sub(rf"^{key}:.*$", line, text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    _, problems = load_content(load_project(scratch))
    assert block.strip() in problems.report()


def test_commands_in_the_guides_exist():
    commands = set(re.findall(r"python3 tools/dev\.py (\w+)", GUIDE + (ROOT / "README.md").read_text()))
    assert {"check", "preview", "build", "test"} <= commands
    source = (ROOT / "tools" / "dev.py").read_text()
    for command in commands:
        assert f'command == "{command}"' in source, command
    out = subprocess.run([sys.executable, "-P", str(ROOT / "tools" / "preview.py")], capture_output=True, text=True)
    assert "preview" in out.stdout and out.returncode == 2
