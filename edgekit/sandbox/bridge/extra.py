"""The services moto 5.2.5 lacks that the sandbox serves: Global Accelerator and WAF Classic."""

from __future__ import annotations

from typing import Any

from moto.core.base_backend import BackendDict

from edgekit.sandbox.bridge import globalaccelerator, waf_classic
from edgekit.sandbox.bridge.services import ExtraService


def _globalaccelerator() -> BackendDict[Any]:
    return globalaccelerator.globalaccelerator_backends


def _waf() -> BackendDict[Any]:
    return waf_classic.waf_backends


def _waf_regional() -> BackendDict[Any]:
    return waf_classic.waf_regional_backends


EXTRA_SERVICES = [
    ExtraService("globalaccelerator", globalaccelerator.URL_PATTERN, _globalaccelerator),
    ExtraService("waf", waf_classic.WAF_URL_PATTERN, _waf),
    ExtraService("waf-regional", waf_classic.REGIONAL_URL_PATTERN, _waf_regional),
]
"""Registered by :func:`edgekit.sandbox.bridge.install` (see :mod:`.services`)."""
