"""Check modules, one per area of CHECKS.md (discovered by :mod:`edgekit.rules.catalogue`)."""
