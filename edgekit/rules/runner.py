"""Running the registry over a subject (the analysed estate) — pure, isolated per check."""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from edgekit.gcpause import gc_paused
from edgekit.model.reader import ItemIssue
from edgekit.rules.finding import Fail, Finding, ResourceRef, Status, Unknown
from edgekit.rules.registry import Check, Registry


class Subject(Protocol):
    """What checks run over: enumerates resources by kind and names them."""

    def resources(self, kind: str) -> Iterable[Any]:
        """Every resource of ``kind`` (the ``applies_to`` of a check)."""
        ...

    def ref(self, resource: Any, kind: str) -> ResourceRef:
        """How findings about ``resource`` name it."""
        ...


@dataclass(frozen=True)
class CheckError:
    """A check raised on one resource; reported, and the scan's exit code is non-zero."""

    check_id: str
    resource_id: str
    error: str

    def to_json(self) -> dict[str, str]:
        """JSON form."""
        return {"check_id": self.check_id, "resource": self.resource_id, "error": self.error}


@dataclass
class ScanResult:
    """Findings (sorted), resources evaluated per check, check errors, and model errors."""

    findings: list[Finding]
    evaluated: dict[str, int]
    errors: list[CheckError] = field(default_factory=list)
    model_errors: list[ItemIssue] = field(default_factory=list)
    """Payload items the model left out (edgekit.model.Coverage.model_errors): not analysed,
    and the checks that needed them said unknown; the result is partial."""

    @property
    def partial(self) -> bool:
        """True when a check raised or an item could not be read (exit code 3)."""
        return bool(self.errors or self.model_errors)

    def summary(self, findings: Iterable[Finding] | None = None) -> dict[str, Any]:
        """Counts by status, severity and category."""
        items = list(self.findings if findings is None else findings)
        return {
            "total": len(items),
            "by_status": dict(sorted(Counter(f.status.value for f in items).items())),
            "by_severity": dict(sorted(Counter(f.severity.label for f in items).items())),
            "by_category": dict(sorted(Counter(f.category for f in items).items())),
            "checks_evaluated": len(self.evaluated),
            "resources_evaluated": sum(self.evaluated.values()),
            "check_errors": len(self.errors),
            "model_errors": len(self.model_errors),
        }


def _verdicts(out: Any) -> list[Fail | Unknown]:
    if out is None:
        return []
    if isinstance(out, Fail | Unknown):
        return [out]
    verdicts = list(out)
    for v in verdicts:
        if not isinstance(v, Fail | Unknown):
            raise TypeError(f"check returned {type(v).__name__}, expected Fail or Unknown")
    return verdicts


def _finding(check: Check, ref: ResourceRef, verdict: Fail | Unknown) -> Finding:
    meta = check.meta
    return Finding(
        check_id=meta.id,
        status=Status.FAIL if isinstance(verdict, Fail) else Status.UNKNOWN,
        severity=meta.severity,
        category=meta.category,
        resource=verdict.resource or ref,
        title=meta.title,
        message=verdict.message,
        evidence=verdict.evidence,
        remediation=meta.remediation,
    )


def run(registry: Registry, subject: Subject) -> ScanResult:
    """Evaluate every check on every resource it applies to.

    A check that raises on a resource is recorded in ``errors`` (with the exception's last
    line) and the scan goes on with the next resource and the other checks. When the subject
    has values only known at deploy time (an IaC snapshot), the checks also run in each
    alternative world and a verdict the worlds disagree on is unknown (:mod:`.deploytime`).
    Each finding then carries the hostnames whose paths cross its resource, when the subject
    can tell them (``entrypoints_of``, computed once per scan).
    """
    from edgekit.rules import deploytime

    result = _run(registry, subject)
    alternatives = getattr(subject, "deploy_time_worlds", None)
    pairs = alternatives() if alternatives is not None else []
    if pairs:
        runs = [(world, _run(registry, ctx)) for world, ctx in pairs]
        errors = list(result.errors)
        for _, r in runs:
            errors += [e for e in r.errors if e not in errors]
        findings = deploytime.merge(result.findings, [(w, r.findings) for w, r in runs])
        result = ScanResult(findings, result.evaluated, errors)
    locate = getattr(subject, "entrypoints_of", None)
    if locate is not None and result.findings:
        with gc_paused():  # one new object per finding: no collector passes over the estate
            result.findings = [
                replace(f, entrypoints=locate(f.resource.id)) for f in result.findings
            ]
    return result


def _run(registry: Registry, subject: Subject) -> ScanResult:
    findings: list[Finding] = []
    evaluated: dict[str, int] = {}
    errors: list[CheckError] = []
    for check in registry:
        kind = check.meta.applies_to
        count = 0
        for resource in subject.resources(kind):
            count += 1
            ref = subject.ref(resource, kind)
            try:
                verdicts = _verdicts(check.fn(resource, subject))
            except Exception as err:  # noqa: BLE001 - isolation boundary: reported, not hidden
                last = traceback.format_exception_only(type(err), err)[-1].strip()
                errors.append(CheckError(check.meta.id, ref.id, last))
                continue
            findings.extend(_finding(check, ref, v) for v in verdicts)
        evaluated[check.meta.id] = count
    findings.sort(key=Finding.sort_key)
    return ScanResult(findings, evaluated, errors, list(model_errors(subject)))


def model_errors(subject: object) -> tuple[ItemIssue, ...]:
    """The model errors of the subject's inventory (none for subjects without one)."""
    model = getattr(subject, "model", None)
    coverage = getattr(model, "coverage", None)
    found: tuple[ItemIssue, ...] = getattr(coverage, "model_errors", ())
    return found
