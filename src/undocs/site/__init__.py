"""The site: every page gathered from the archive, with its context and template."""
