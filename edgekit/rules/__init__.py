"""The check engine and the catalogue of ../shared/CHECKS.md. Pure: no AWS calls.

Checks are plain functions declared with :func:`edgekit.rules.registry.check`; the runner
evaluates each on every resource it applies to and yields findings with status ``fail`` or
``unknown``.
"""
