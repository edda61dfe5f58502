"""Contributors' content: the models, loading them from docs/, content/ and locales/, and their checks."""
