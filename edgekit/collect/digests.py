"""Keyed digests of secrets, and the value redactors :mod:`edgekit.collect.secrets` applies.

A digest is ``hmac-sha256:<64 hex>;len=<n>``: HMAC-SHA256 of the value's UTF-8 bytes (or raw
bytes) under a :class:`DigestKey`, random per run unless the user supplies one
(``EDGEKIT_DIGEST_KEY``, or ``EDGEKIT_DIGEST_KEY_FILE`` naming a file), kept in memory only.
``hmac-sha256:glob:...`` marks the digest of an ALB header pattern (a value with ``*``/``?``).
Older snapshots hold unkeyed ``sha256:<64 hex>`` digests; :func:`is_digest` accepts both.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets as pysecrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edgekit.errors import InputError

PREFIX = "hmac-sha256:"
"""Prefix of a keyed digest."""
GLOB_PREFIX = PREFIX + "glob:"
"""Prefix of the keyed digest of an ALB header pattern (a value with ``*`` / ``?``)."""
LEGACY_PREFIX = "sha256:"
"""Prefix of the unkeyed digests of snapshots written before keyed digests (still read)."""

KEY_ENV = "EDGEKIT_DIGEST_KEY"
"""Environment variable holding a digest key (text, at least 16 bytes)."""
KEY_FILE_ENV = "EDGEKIT_DIGEST_KEY_FILE"
"""Environment variable naming a file whose content (trailing newline stripped) is the key."""
MIN_KEY_BYTES = 16

WILDCARDS = frozenset("*?")
SECRET_FIELDS_TO_MATCH = frozenset({"SingleHeader", "Headers", "Cookies"})
"""WAFv2 FieldToMatch kinds whose byte-match strings are secrets (URI/query stay readable)."""


@dataclass(frozen=True)
class DigestKey:
    """The HMAC key of one run: in memory only (never written, never printed)."""

    secret: bytes = field(repr=False)
    source: str = "random per run"

    @classmethod
    def random(cls) -> DigestKey:
        """A fresh random 256-bit key: digests match within this run only."""
        return cls(pysecrets.token_bytes(32))

    @classmethod
    def from_environment(cls, env: Mapping[str, str] | None = None) -> DigestKey:
        """The user's key from ``EDGEKIT_DIGEST_KEY`` / ``EDGEKIT_DIGEST_KEY_FILE``, else random.

        Raises :class:`~edgekit.errors.InputError` for a key shorter than 16 bytes or an
        unreadable key file.
        """
        env = os.environ if env is None else env
        if env.get(KEY_ENV):
            return cls(_long_enough(env[KEY_ENV].encode("utf-8"), KEY_ENV), KEY_ENV)
        if env.get(KEY_FILE_ENV):
            path = Path(env[KEY_FILE_ENV])
            try:
                raw = path.read_bytes().rstrip(b"\r\n")
            except OSError as err:
                raise InputError(f"{KEY_FILE_ENV}: cannot read {path}: {err.strerror}") from None
            return cls(_long_enough(raw, KEY_FILE_ENV), KEY_FILE_ENV)
        return cls.random()

    def digest(self, value: str | bytes) -> str:
        """``hmac-sha256:<hex>;len=<n>`` of ``value`` (n: characters of text, bytes of bytes)."""
        raw = value.encode("utf-8") if isinstance(value, str) else value
        mac = hmac.new(self.secret, raw, hashlib.sha256).hexdigest()
        return f"{PREFIX}{mac};len={len(value)}"


def _long_enough(raw: bytes, name: str) -> bytes:
    if len(raw) < MIN_KEY_BYTES:
        raise InputError(f"{name}: a digest key must be at least {MIN_KEY_BYTES} bytes")
    return raw


def is_digest(value: object) -> bool:
    """True for a keyed (``hmac-sha256:``) or legacy unkeyed (``sha256:<64 hex>``) digest."""
    if not isinstance(value, str):
        return False
    if value.startswith(PREFIX):
        return True
    return value.startswith(LEGACY_PREFIX) and len(value) == len(LEGACY_PREFIX) + 64


# -- value redactors ---------------------------------------------------------------------------

Redactor = Callable[[DigestKey, Any], Any]


def text(key: DigestKey, value: Any) -> Any:
    """A string value → its digest (digests and non-strings unchanged)."""
    if not isinstance(value, str) or is_digest(value):
        return value
    return key.digest(value)


def header_patterns(key: DigestKey, values: Any) -> Any:
    """ALB ``http-header`` condition values: each digested; patterns marked ``glob:``."""
    if not isinstance(values, list):
        return values
    return [_header_pattern(key, v) for v in values]


def _header_pattern(key: DigestKey, value: Any) -> Any:
    if not isinstance(value, str) or is_digest(value) or set(value) <= WILDCARDS:
        return value
    if WILDCARDS & set(value):
        return GLOB_PREFIX + key.digest(value).removeprefix(PREFIX)
    return key.digest(value)


def map_values(key: DigestKey, mapping: Any) -> Any:
    """Every value of a ``{name: value}`` map digested; the names stay."""
    if not isinstance(mapping, dict):
        return mapping
    return {k: text(key, v) for k, v in mapping.items()}


def blob(key: DigestKey, value: Any) -> Any:
    """A base64 blob (WAF ``SearchString``) → base64 of the digest of its bytes."""
    if not isinstance(value, str):
        return value
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raw = value.encode("utf-8")
    if is_digest(raw.decode("utf-8", "replace")):
        return value
    return base64.b64encode(key.digest(raw).encode("ascii")).decode("ascii")


def quoted_literals(key: DigestKey, mapping: Any) -> Any:
    """API Gateway v1 ``requestParameters``: static ``'literal'`` values digested (quotes kept);
    mappings from the request (``method.request.*``, ``context.*``, ``stageVariables.*``) stay."""
    if not isinstance(mapping, dict):
        return mapping
    return {k: _quoted(key, v) for k, v in mapping.items()}


def _quoted(key: DigestKey, value: Any) -> Any:
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == "'":
        inner = value[1:-1]
        return value if is_digest(inner) else f"'{key.digest(inner)}'"
    return value


def static_parameters(key: DigestKey, mapping: Any) -> Any:
    """API Gateway v2 ``RequestParameters``: static values (no ``$`` reference) digested;
    quoted WebSocket-style literals as in v1."""
    if not isinstance(mapping, dict):
        return mapping
    out: dict[str, Any] = {}
    for k, v in mapping.items():
        if isinstance(v, str) and v.startswith("'"):
            out[k] = _quoted(key, v)
        elif isinstance(v, str) and "$" not in v:
            out[k] = text(key, v)
        else:
            out[k] = v
    return out


REFERER_KEYS = frozenset({"aws:referer"})


def referer_conditions(key: DigestKey, policy: Any) -> Any:
    """An S3 bucket policy (JSON text): every ``aws:Referer`` condition value digested.

    A policy that is not JSON cannot be inspected and is replaced by its digest whole.
    """
    if not isinstance(policy, str):
        return policy
    try:
        doc = json.loads(policy)
    except ValueError:
        return key.digest(policy)
    changed = False
    statements = doc.get("Statement") if isinstance(doc, dict) else None
    for stmt in statements if isinstance(statements, list) else [statements]:
        conditions = stmt.get("Condition") if isinstance(stmt, dict) else None
        for block in (conditions or {}).values() if isinstance(conditions, dict) else ():
            if not isinstance(block, dict):
                continue
            for name in [n for n in block if str(n).lower() in REFERER_KEYS]:
                old = block[name]
                new = [text(key, v) for v in old] if isinstance(old, list) else text(key, old)
                block[name] = new
                changed = changed or block[name] != old
    return json.dumps(doc, separators=(",", ":"), sort_keys=False) if changed else policy
