"""Serialising scan results: JSON (``edgekit.findings/1``), CSV and SARIF 2.1.0. Pure."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

import orjson

from edgekit import __version__
from edgekit.escape import csvcell
from edgekit.rules.finding import Finding, Severity, Status
from edgekit.rules.registry import Registry
from edgekit.rules.runner import ScanResult
from edgekit.rules.suppress import Applied

SCHEMA = "edgekit.findings/1"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/edgekit/edgekit"

CSV_COLUMNS = (
    "check_id",
    "status",
    "severity",
    "category",
    "resource_arn",
    "resource_type",
    "account_id",
    "region",
    "title",
    "message",
    "remediation",
    "evidence",
    "entrypoints",
)
"""CSV columns; ``entrypoints`` is the hostnames separated by spaces."""


def findings_document(
    result: ScanResult,
    applied: Applied,
    snapshot_meta: Mapping[str, Any],
    findings: Sequence[Finding] | None = None,
) -> dict[str, Any]:
    """The ``edgekit.findings/1`` document; ``findings`` defaults to the kept ones."""
    shown = list(applied.kept if findings is None else findings)
    return {
        "schema": SCHEMA,
        "snapshot": dict(snapshot_meta),
        "summary": result.summary(shown),
        "evaluated": dict(sorted(result.evaluated.items())),
        "findings": [f.to_json() for f in shown],
        "suppressed": [{**f.to_json(), "suppression": s.to_json()} for f, s in applied.suppressed],
        "expired_suppressions": [s.to_json() for s in applied.expired],
        "unused_suppressions": [s.to_json() for s in applied.unused],
        "errors": [e.to_json() for e in result.errors],
        "model_errors": [e.to_json() for e in result.model_errors],
    }


def to_json(doc: Mapping[str, Any]) -> str:
    """Byte-stable JSON (sorted keys, no wall-clock times added)."""
    return indented_json(doc)


def indented_json(doc: Any) -> str:
    """``doc`` as sorted, 2-space indented UTF-8 JSON text ending in a newline: the text of
    ``json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False)``, written by orjson
    (Python's indenting encoder is pure Python: 1.7 s for the SARIF of a 10k estate, orjson
    0.2 s). A document orjson cannot write (keys that are not strings, integers beyond 64
    bits) is written by ``json``. Floats are the shortest text that reads back the same value
    either way; orjson spells exponents without ``+`` or leading zeros (``1e16``, ``1e-5``)."""
    try:
        return orjson.dumps(doc, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS).decode() + "\n"
    except orjson.JSONEncodeError:
        return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def to_csv(findings: Sequence[Finding]) -> str:
    """One row per finding; evidence as compact JSON; cells a spreadsheet would run as a
    formula are quoted (:mod:`edgekit.escape.csvcell`)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for f in findings:
        row = f.to_json()
        row["evidence"] = json.dumps(row["evidence"], sort_keys=True, separators=(",", ":"))
        row["entrypoints"] = " ".join(row["entrypoints"])
        writer.writerow({k: csvcell.cell(row[k]) for k in CSV_COLUMNS})
    return buf.getvalue()


_LEVEL = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "note",
    Severity.INFO: "note",
}
_SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.5",
    Severity.HIGH: "8.0",
    Severity.MEDIUM: "5.5",
    Severity.LOW: "3.0",
    Severity.INFO: "0.0",
}


def to_sarif(
    findings: Sequence[Finding],
    registry: Registry,
    artifact_uri: str | None = None,
    sources: Mapping[str, Mapping[str, str]] | None = None,
) -> dict[str, Any]:
    """SARIF 2.1.0 for code-scanning UIs.

    Resources are logical locations (their ARN); when ``artifact_uri`` (the snapshot file) is
    given every result also points at it, since most UIs require a physical location.
    Unknown findings are ``kind: review``. ``sources`` (resource id -> IaC location
    ``{file, logical_id, stack?}``, from an IaC import) points a result at the template and
    the logical id that define its resource instead, so the pull request is annotated.
    """
    used = sorted({f.check_id for f in findings})
    rules = [registry.get(cid).meta for cid in used]
    index = {m.id: i for i, m in enumerate(rules)}
    results: list[dict[str, Any]] = []
    for f in findings:
        fingerprint = hashlib.sha256(f"{f.check_id}|{f.resource.id}".encode()).hexdigest()
        result: dict[str, Any] = {
            "ruleId": f.check_id,
            "ruleIndex": index[f.check_id],
            "kind": "fail" if f.status is Status.FAIL else "review",
            "level": _LEVEL[f.severity] if f.status is Status.FAIL else "none",
            "message": {"text": f"{f.message} ({f.resource.id})"},
            "partialFingerprints": {"edgekitResource/v1": fingerprint},
            "locations": [_location(f, artifact_uri, (sources or {}).get(f.resource.id))],
            "properties": {
                "status": f.status.value,
                "account_id": f.resource.account_id,
                "region": f.resource.region,
                "resource_type": f.resource.type,
                "evidence": dict(f.evidence),
                "entrypoints": list(f.entrypoints),
            },
        }
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "edgekit",
                        "version": __version__,
                        "informationUri": INFO_URI,
                        "rules": [
                            {
                                "id": m.id,
                                "name": m.id.replace(".", "_"),
                                "shortDescription": {"text": m.title},
                                "fullDescription": {"text": m.description},
                                "help": {"text": m.remediation},
                                "defaultConfiguration": {"level": _LEVEL[m.severity]},
                                "properties": {
                                    "tags": [m.category, m.area],
                                    "security-severity": _SECURITY_SEVERITY[m.severity],
                                },
                            }
                            for m in rules
                        ],
                    }
                },
                "results": results,
            }
        ],
    }


def _location(
    f: Finding, artifact_uri: str | None, source: Mapping[str, str] | None = None
) -> dict[str, Any]:
    loc: dict[str, Any] = {
        "logicalLocations": [
            {"fullyQualifiedName": f.resource.id, "kind": "resource", "name": f.resource.type}
        ]
    }
    if source is not None:
        name = "/".join(p for p in (source.get("stack", ""), source["logical_id"]) if p)
        loc["logicalLocations"].append({"fullyQualifiedName": name, "kind": "declaration"})
        loc["physicalLocation"] = {"artifactLocation": {"uri": source["file"]}}
    elif artifact_uri:
        loc["physicalLocation"] = {
            "artifactLocation": {"uri": artifact_uri},
            "region": {"startLine": 1},
        }
    return loc
