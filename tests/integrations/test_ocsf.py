"""``--format ocsf``: OCSF 1.x Detection Finding events validated by py-ocsf-models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from py_ocsf_models.events.findings.detection_finding import DetectionFinding

from edgekit.cli import main
from edgekit.rules.finding import Severity, Status
from edgekit.rules.ocsf import to_ocsf
from tests.integrations.findings import HOSTILE, META, SAMPLE, finding, sample_findings


def _roundtrip(event: dict[str, object]) -> None:
    """The event validates, and re-dumping it loses nothing (no field the model ignores)."""
    model = DetectionFinding.model_validate(event)
    assert model.model_dump(mode="json", exclude_none=True) == event


def test_every_sample_finding_is_a_valid_detection_finding() -> None:
    findings, meta = sample_findings()
    unknown_in = sum(1 for f in findings if f.status is Status.UNKNOWN)
    findings = (*findings, finding(status=Status.UNKNOWN, message="GetDistribution denied"))
    events = to_ocsf(findings, dict(meta))
    assert len(events) == len(findings) > 50
    for event in events:
        _roundtrip(event)
        assert (event["class_uid"], event["category_uid"], event["type_uid"]) == (2004, 2, 200401)
    unknown = [e for e in events if e["unmapped"]["edgekit"]["status"] == "unknown"]
    assert len(unknown) == unknown_in + 1  # every unknown stays unknown, never a pass or fail
    assert all(e["status_detail"].startswith("unknown:") for e in unknown)


def test_severity_time_and_resource() -> None:
    [event] = to_ocsf([finding(severity=Severity.CRITICAL)], META)
    assert (event["severity_id"], event["severity"]) == (5, "Critical")
    assert event["time"] == 1769947200000  # 2026-02-01T12:00:00Z, not the wall clock
    assert event["resources"][0]["uid"] == "arn:aws:cloudfront::111111111111:distribution/E1"
    assert event["cloud"]["account"]["uid"] == "111111111111"
    info = to_ocsf([finding(severity=Severity.INFO)], META)[0]
    assert info["severity_id"] == 1


def test_ids_are_stable_across_status_and_message_and_distinct_per_resource() -> None:
    a = to_ocsf([finding()], META)[0]["metadata"]["uid"]
    later = finding(status=Status.UNKNOWN, message="not collected this time")
    assert (
        to_ocsf([later], {**META, "collected_at": "2026-03-01T00:00:00Z"})[0]["metadata"]["uid"]
        == a
    )
    other = to_ocsf([finding(resource_id="arn:aws:cloudfront::111111111111:distribution/E2")], META)
    assert other[0]["metadata"]["uid"] != a
    findings, meta = sample_findings()
    uids = [e["finding_info"]["uid"] for e in to_ocsf(findings, dict(meta))]
    keys = {(f.check_id, f.resource.account_id, f.resource.region, f.resource.id) for f in findings}
    assert len(set(uids)) == len(keys)


def test_aws_strings_stay_data() -> None:
    hostile = finding(resource_id=HOSTILE, message=HOSTILE, evidence={"name": HOSTILE})
    text = json.dumps(to_ocsf([hostile], META))
    [event] = json.loads(text)
    _roundtrip(event)
    assert event["class_uid"] == 2004
    assert event["resources"][0]["uid"] == HOSTILE
    assert event["unmapped"]["edgekit"]["evidence"] == {"name": HOSTILE}
    assert HOSTILE not in event["metadata"]["uid"]


def test_bad_collection_time_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        to_ocsf([finding()], {"collected_at": "yesterday"})


def test_scan_format_ocsf_writes_events(tmp_path: Path) -> None:
    out = tmp_path / "f.ocsf.json"
    assert main(["scan", str(SAMPLE), "--format", "ocsf", "-o", str(out)]) == 0
    events = json.loads(out.read_text(encoding="utf-8"))
    assert events and all(e["class_uid"] == 2004 for e in events)
