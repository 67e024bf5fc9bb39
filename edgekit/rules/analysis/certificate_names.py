"""Does a certificate's name list cover a host name? (RFC 6125 wildcard rules, as ACM uses them.)

* Names compare case-insensitively, without a trailing dot.
* A wildcard name ``*.example.com`` covers exactly **one** extra leftmost label:
  ``a.example.com`` yes; ``example.com`` and ``a.b.example.com`` no.
* Only a whole leftmost ``*`` label is a wildcard (ACM issues no partial wildcards); any other
  ``*`` is a literal character.
* A wildcard *host* (a CloudFront alias ``*.example.com``) is covered only by the same
  wildcard name.

For ALB ``host-header`` rule values, which are patterns themselves (``*`` and ``?``),
:func:`pattern_covered` decides the common shapes and declines (None) the rest.
"""

from __future__ import annotations

from collections.abc import Iterable


def normalize(name: str) -> str:
    """Lower-case, surrounding blanks and one trailing dot removed."""
    return name.strip().lower().removesuffix(".")


def name_covers(cert_name: str, host: str) -> bool:
    """True when certificate name ``cert_name`` is valid for ``host``."""
    cert, h = normalize(cert_name), normalize(host)
    if not cert or not h:
        return False
    if cert == h:
        return True
    if not cert.startswith("*.") or len(cert) < 3:
        return False
    label, dot, rest = h.partition(".")
    return bool(dot) and bool(label) and rest == cert[2:]


def covers(cert_names: Iterable[str], host: str) -> bool:
    """True when any of ``cert_names`` covers ``host``."""
    return any(name_covers(n, host) for n in cert_names)


def uncovered(cert_names: Iterable[str], hosts: Iterable[str]) -> list[str]:
    """The hosts (normalised, sorted, unique) no name of the list covers."""
    names = tuple(cert_names)
    return sorted({normalize(h) for h in hosts if not covers(names, h)})


def pattern_covered(cert_names: Iterable[str], pattern: str) -> bool | None:
    """Whether the certificate covers every host an ALB host-header value matches.

    * No wildcard: :func:`covers`.
    * Wildcards only in the leftmost label (``*.example.com``, ``api-?.example.com``): covered
      when the list has ``*.example.com`` — read as one label, the intent of such rules (ALB's
      ``*`` could also span dots, which no certificate can cover).
    * Anything else (``*``, ``www.*.com``): None — not decidable without guessing.
    """
    p = normalize(pattern)
    if not p:
        return None
    if "*" not in p and "?" not in p:
        return covers(cert_names, p)
    label, dot, rest = p.partition(".")
    if not dot or not rest or "*" in rest or "?" in rest or not label:
        return None
    wildcard = f"*.{rest}"
    return any(normalize(n) == wildcard for n in cert_names)
