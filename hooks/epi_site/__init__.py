"""The EPI site's domain logic: content models, validation and rendering.

Nothing in this package imports MkDocs, so the content and the logic can move
to another generator; ``hooks/mkdocs_hooks.py`` is the thin MkDocs layer.
"""
