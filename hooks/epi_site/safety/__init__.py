"""The site's safety rules for what contributors write."""
