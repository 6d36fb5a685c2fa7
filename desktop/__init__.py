"""The Crisisbeeld application: the window, its parts and the ``crisisbeeld`` command."""

#: the one place of the version number (pyproject.toml reads it from here)
__version__ = "0.1.0"
