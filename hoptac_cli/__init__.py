"""hoptac: track inter-provincial cooperation programmes in one SQLite file."""

__version__ = "0.1.0"
