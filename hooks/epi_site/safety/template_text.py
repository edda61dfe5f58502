"""Interface strings are text in every template, whatever a translator typed.

Jinja's i18n extension marks what ``_()`` returns as safe markup when the
template autoescapes, which would make every msgstr trusted HTML. These
callables escape the translation first, so a ``<script>`` in a catalog reaches
the page as the words "<script>"; the ``%(name)s`` values are then escaped by
Markup's ``%`` as usual. Text templates (autoescape off) get the plain string.
"""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import pass_context
from markupsafe import escape


def text_gettext(lookup: Callable[[object], object]):
    """``_()`` and ``ngettext()`` for an environment; ``lookup(context)`` gives the translations to use."""

    @pass_context
    def gettext(context, message: str):
        text = lookup(context).gettext(message)
        return escape(text) if context.eval_ctx.autoescape else text

    @pass_context
    def ngettext(context, singular: str, plural: str, n: int):
        text = lookup(context).ngettext(singular, plural, n)
        return escape(text) if context.eval_ctx.autoescape else text

    return gettext, ngettext
