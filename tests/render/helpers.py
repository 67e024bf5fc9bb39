"""Shared pieces of the render tests: fixture estates, a fixed findings list, golden files.

Golden specs use a *fixed* list of findings (below), not the live check catalogue: the goldens
then test how pictures place and colour findings, and do not change whenever a check does.
(``test_findings.py`` checks that the live catalogue's findings all find their node.)

Regenerate goldens after an intended change with ``EDGEKIT_UPDATE_GOLDENS=1 pytest
tests/render`` and review the diff; a missing golden fails (never silently created).
"""

from __future__ import annotations

import struct
from functools import cache
from pathlib import Path

from edgekit.graph import Estate
from edgekit.rules.finding import Finding, ResourceRef, Severity, Status
from tests import golden

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOTS = ROOT / "fixtures" / "snapshots"
RICH = SNAPSHOTS / "rich.json"
SAMPLE = SNAPSHOTS / "sample.json.gz"
GOLDENS = ROOT / "goldens" / "render"

ACCOUNT = "111111111111"
ELB = f"arn:aws:elasticloadbalancing:us-east-1:{ACCOUNT}"
WEB_ALB = f"{ELB}:loadbalancer/app/web-alb/50dc6c495c0c9188"
HTTPS_443 = f"{ELB}:listener/app/web-alb/50dc6c495c0c9188/l00443"
RULE_40 = f"{ELB}:listener-rule/app/web-alb/50dc6c495c0c9188/l00443/r40"
EDGE_ACL = (
    f"arn:aws:wafv2:us-east-1:{ACCOUNT}:global/webacl/edge-acl/e0000000-0000-4000-8000-000000000001"
)
CERT = f"arn:aws:acm:us-east-1:{ACCOUNT}:certificate/11111111-aaaa-4aaa-8aaa-000000000002"


@cache
def rich() -> Estate:
    """The rich fixture estate (built once per test process; frozen graph)."""
    return Estate.load(RICH)


def finding(
    resource: str,
    severity: Severity,
    check: str = "test.check",
    *,
    status: Status = Status.FAIL,
    rtype: str = "AWS::Test::Resource",
    region: str = "us-east-1",
) -> Finding:
    """A finding on ``resource`` (an ARN or a node id)."""
    return Finding(
        check_id=check,
        status=status,
        severity=severity,
        category="test",
        resource=ResourceRef(resource, rtype, ACCOUNT, region),
        title=check,
        message=f"{check} on {resource}",
        evidence={},
        remediation="",
    )


def fixed_findings() -> list[Finding]:
    """One finding per way a finding names its resource, across every severity."""
    return [
        finding(f"arn:aws:cloudfront::{ACCOUNT}:distribution/E1MAINDIST", Severity.HIGH, "t.dist"),
        finding("behavior:E1MAINDIST:/legacy/*", Severity.MEDIUM, "t.behavior"),
        finding("origin:E1MAINDIST:s3-legacy", Severity.LOW, "t.origin"),
        finding(EDGE_ACL, Severity.CRITICAL, "t.acl"),
        finding(HTTPS_443, Severity.MEDIUM, "t.listener"),  # folded: colours LB → TG arrows
        finding(RULE_40, Severity.INFO, "t.rule"),  # fixed-response rule: goes to the ALB
        finding(CERT, Severity.HIGH, "t.cert"),
        finding(WEB_ALB, Severity.LOW, "t.lb", status=Status.UNKNOWN),
        finding("record:Z0EXAMPLE1:www.example.com:CNAME", Severity.LOW, "t.record"),
        finding("arn:aws:route53:::hostedzone/Z0EXAMPLE1", Severity.INFO, "t.zone"),
        finding(f"arn:aws:iam::{ACCOUNT}:root", Severity.MEDIUM, "t.account"),
    ]


# -- goldens ---------------------------------------------------------------------------------------
def check_golden(name: str, text: str, directory: Path = GOLDENS) -> None:
    """Compare ``text`` with golden ``name`` (tests/golden.py: loud when rewritten)."""
    golden.check(name, text, directory)


# -- picture files ---------------------------------------------------------------------------------
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (asserting the signature and chunk order)."""
    assert data[:8] == PNG_MAGIC, "not a PNG"
    length, chunk = struct.unpack(">I4s", data[8:16])
    assert chunk == b"IHDR" and length == 13, "PNG does not start with IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height
