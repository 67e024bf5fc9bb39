"""Suppressions: a TOML file of accepted findings, each with a reason and an optional expiry.

```toml
[[suppress]]
check = "cloudfront.no_geo_restriction"      # id or glob, any case
resource = "arn:aws:cloudfront::*:distribution/*"   # glob on the finding's resource id
reason = "global audience by design"
until = 2027-03-31                           # optional; from that day on it stops applying
```

Suppressed findings are listed separately, never dropped; expired suppressions are reported, and
so are suppressions that match no finding (a typo in a check id or resource must not go unseen).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edgekit.errors import InputError
from edgekit.rules.finding import Finding
from edgekit.rules.select import glob_matches


@dataclass(frozen=True)
class Suppression:
    """One accepted (check, resource) pattern."""

    check: str
    resource: str
    reason: str
    until: dt.date | None = None

    def active(self, today: dt.date) -> bool:
        """True until (not including) the expiry day."""
        return self.until is None or today < self.until

    def matches(self, finding: Finding) -> bool:
        """Check id and resource id both match their globs: the check id in any case, as
        ``edgekit scan --checks`` reads it (:func:`edgekit.rules.select.glob_matches`), the
        resource id exactly (AWS ids and ARNs are case-sensitive)."""
        return glob_matches(finding.check_id, self.check) and fnmatch.fnmatchcase(
            finding.resource.id, self.resource
        )

    def to_json(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "check": self.check,
            "resource": self.resource,
            "reason": self.reason,
            "until": self.until.isoformat() if self.until else None,
        }


@dataclass
class Applied:
    """Result of applying suppressions."""

    kept: list[Finding]
    suppressed: list[tuple[Finding, Suppression]]
    expired: list[Suppression]
    unused: list[Suppression] = field(default_factory=list)
    """Active suppressions that matched no finding (a typo, or a fixed finding): reported."""


def load(path: str | Path) -> list[Suppression]:
    """Read a suppression file; errors name the file and the entry."""
    src = Path(path)
    try:
        doc = tomllib.loads(src.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{src}: no such suppression file") from None
    except IsADirectoryError:
        raise InputError(f"{src}: is a folder, not a suppression file") from None
    except UnicodeDecodeError:
        raise InputError(f"{src}: not UTF-8 text (a suppression file is TOML)") from None
    except OSError as err:
        raise InputError(f"{src}: cannot read ({err.strerror or err})") from None
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{src}: not valid TOML ({err})") from None
    entries = doc.get("suppress", [])
    if not isinstance(entries, list):
        raise InputError(f"{src}: 'suppress' must be an array of tables ([[suppress]])")
    out: list[Suppression] = []
    for i, e in enumerate(entries, 1):
        where = f"{src}: suppression #{i}"
        if not isinstance(e, dict):
            raise InputError(f"{where}: not a table")
        unknown = set(e) - {"check", "resource", "reason", "until"}
        if unknown:
            raise InputError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        for key in ("check", "reason"):
            if not isinstance(e.get(key), str) or not e[key].strip():
                raise InputError(f"{where}: '{key}' is required (a non-empty string)")
        until = e.get("until")
        if until is not None and not isinstance(until, dt.date):
            raise InputError(f"{where}: 'until' must be a date like 2027-03-31")
        if isinstance(until, dt.datetime):
            until = until.date()
        out.append(Suppression(e["check"], str(e.get("resource", "*")), e["reason"], until))
    return out


def apply(
    findings: Iterable[Finding], suppressions: Iterable[Suppression], today: dt.date
) -> Applied:
    """Split findings into kept and suppressed; list suppressions that have expired and
    active ones that matched no finding."""
    sups = list(suppressions)
    active = [s for s in sups if s.active(today)]
    kept: list[Finding] = []
    suppressed: list[tuple[Finding, Suppression]] = []
    for f in findings:
        match = next((s for s in active if s.matches(f)), None)
        if match is None:
            kept.append(f)
        else:
            suppressed.append((f, match))
    used = {id(s) for _, s in suppressed}
    unused = [s for s in active if id(s) not in used]
    return Applied(kept, suppressed, [s for s in sups if not s.active(today)], unused)
