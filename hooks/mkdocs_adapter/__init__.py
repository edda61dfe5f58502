"""What exists only to serve MkDocs, beside the hooks that use it (hooks/mkdocs_hooks.py).

The domain (epi_site) does not know of it: another generator would replace this package and the
hooks, and nothing else.
"""
