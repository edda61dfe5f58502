"""Turning checked content into pages, feeds, email editions, charts and the sitemap."""
