"""Implementations of the ``edgekit`` sub-commands (wired by :mod:`edgekit.cli`)."""
