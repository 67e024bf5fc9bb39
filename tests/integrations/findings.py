"""Findings for the export tests: hand-built ones (hostile strings included) and the sample's."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from edgekit.rules.finding import Finding, ResourceRef, Severity, Status

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "snapshots" / "sample.json.gz"
META = {"collected_at": "2026-02-01T12:00:00Z", "partition": "aws"}
HOSTILE = 'x"}],"class_uid":1,"Id":"evil\n\u2028<script>alert(1)</script>\\'


def finding(
    *,
    check_id: str = "cloudfront.no_waf",
    status: Status = Status.FAIL,
    severity: Severity = Severity.HIGH,
    resource_id: str = "arn:aws:cloudfront::111111111111:distribution/E1",
    region: str = "global",
    message: str = "no web ACL",
    title: str = "Enabled distribution without a web ACL",
    evidence: dict[str, object] | None = None,
) -> Finding:
    """One finding with overridable parts."""
    return Finding(
        check_id=check_id,
        status=status,
        severity=severity,
        category="security",
        resource=ResourceRef(resource_id, "AWS::CloudFront::Distribution", "111111111111", region),
        title=title,
        message=message,
        evidence=evidence or {},
        remediation="Associate a web ACL.",
    )


@cache
def sample_findings() -> tuple[tuple[Finding, ...], tuple[tuple[str, object], ...]]:
    """Every finding of the sample estate (scanned once per test process) and its meta."""
    from edgekit import snapshot as snap
    from edgekit.model import parse
    from edgekit.rules import runner
    from edgekit.rules.catalogue import load
    from edgekit.rules.context import CheckContext

    s = snap.load(SAMPLE)
    result = runner.run(load(), CheckContext(parse(s)))
    return tuple(result.findings), tuple(s.meta().items())
