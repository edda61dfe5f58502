"""The Markdown configurations contributors' texts are converted with, in one place.

The build converts with them, and the check reads each text with the very same one: what the build
renders as code is then exactly what the check skips as code (a fence that one converter knows and
another does not is text, its links live).
"""

from __future__ import annotations

import markdown

from ..project import Project


def texts_converter() -> markdown.Markdown:
    """News items, partner texts and newsletter introductions: raw HTML in them is escaped (shown as
    text, never run), and there is no fenced code: a fence is text."""
    md = markdown.Markdown(extensions=["attr_list", "sane_lists"])
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def docs_converter(project: Project) -> markdown.Markdown:
    """The pages of docs/, as MkDocs converts them: mkdocs.yml's extensions with its options, raw HTML
    passed on (the build's sanitiser runs on the result)."""
    return markdown.Markdown(extensions=[name for name, _ in project.markdown_extensions],
                             extension_configs={name: dict(options) for name, options in project.markdown_extensions})
