"""Building: scan, read, gather, write and index a site, incrementally where it can."""

from .pipeline import Builder, BuildOptions, BuildResult, build, check, load_records

__all__ = ["BuildOptions", "BuildResult", "Builder", "build", "check", "load_records"]
