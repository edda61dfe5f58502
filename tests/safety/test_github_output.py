"""The check's GitHub format: annotations a contributor's text cannot turn into workflow commands."""

from __future__ import annotations

import subprocess
import sys


def test_check_github_format_cannot_be_made_to_forge_workflow_commands(scratch):
    forged = "x\n::error file=README.md::forged\r::warning::also forged\n##[error]old syntax\u2028::add-mask::y"
    partners = scratch / "content/partners.yml"
    text = partners.read_text()
    partners.write_text(text.replace("role: city", f"role: {forged!r}".replace("'", '"'), 1))
    odd = scratch / "docs" / "a::b,c:d%0A.md"
    odd.write_text("---\ntitle: x\n---\n")
    result = subprocess.run([sys.executable, "-P", "-m", "epi_site.check", "--root", str(scratch), "--format", "github"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    lines = result.stdout.split("\n")
    annotations = [line for line in lines if line.lstrip().startswith("::")]
    assert annotations and all(line.startswith(("::error file=", "::warning file=")) for line in annotations)
    for line in annotations:
        props, _, _message = line.partition(" ")[2].partition("::")
        assert "\r" not in line and "::" not in props
        assert all(p.split("=", 1)[0] in ("file", "line", "title") for p in props.split(","))
    assert any("a%3A%3Ab%2Cc%3Ad%250A.md" in line for line in annotations)
    assert any("%0A::error file=README.md::forged%0A::warning" in line for line in annotations)
    for line in lines:
        assert not line.lstrip().startswith("::") or line in annotations
        assert "##[" not in line
        assert "\r" not in line
