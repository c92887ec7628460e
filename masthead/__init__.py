"""Masthead: a self-hosted news publishing platform for small and mid-size newsrooms."""

__version__ = "0.1.0"
