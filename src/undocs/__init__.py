"""undocs: a static-site generator for archives of United Nations session documents."""

__version__ = "0.1.0"
