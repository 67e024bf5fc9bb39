"""``--format asff``: validated against botocore's securityhub BatchImportFindings input shape."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import botocore.exceptions
import botocore.session
from botocore.validate import validate_parameters

from edgekit.cli import main
from edgekit.rules.asff import LIMITS, to_asff
from edgekit.rules.finding import Severity, Status
from tests.integrations.findings import HOSTILE, META, SAMPLE, finding, sample_findings


def _validate(findings: list[dict[str, Any]]) -> None:
    """Raise when the documents do not fit BatchImportFindings' input shape."""
    model = botocore.session.get_session().get_service_model("securityhub")
    shape = model.operation_model("BatchImportFindings").input_shape
    validate_parameters({"Findings": findings}, shape)
    for doc in findings:
        assert len(doc["Title"]) <= LIMITS["Title"]
        assert len(doc["Description"]) <= LIMITS["Description"]
        assert len(doc["Remediation"]["Recommendation"]["Text"]) <= LIMITS["Recommendation"]
        assert all(len(v) <= LIMITS["ProductFieldValue"] for v in doc["ProductFields"].values())


def test_every_sample_finding_fits_the_botocore_shape() -> None:
    findings, meta = sample_findings()
    docs = to_asff(findings, dict(meta), "us-east-1")
    _validate(docs)
    assert len({d["Id"] for d in docs}) == len(docs)


def test_shape_validation_catches_a_broken_document() -> None:
    doc = to_asff([finding()], META, "us-east-1")[0]
    del doc["Resources"]
    try:
        _validate([doc])
    except botocore.exceptions.ParamValidationError as err:
        assert "Resources" in str(err)
    else:
        raise AssertionError("a document without Resources must not validate")


def test_fields_product_arn_and_status() -> None:
    [fail] = to_asff([finding(severity=Severity.CRITICAL)], META, "us-east-1")
    assert fail["ProductArn"] == (
        "arn:aws:securityhub:us-east-1:111111111111:product/111111111111/default"
    )
    assert fail["Region"] == fail["Resources"][0]["Region"] == "us-east-1"  # global → API region
    assert fail["Severity"] == {"Label": "CRITICAL", "Original": "critical"}
    assert fail["Compliance"] == {"Status": "FAILED"}
    assert fail["Resources"][0]["Type"] == "AwsCloudFrontDistribution"
    assert fail["CreatedAt"] == fail["UpdatedAt"] == "2026-02-01T12:00:00.000Z"
    [unknown] = to_asff([finding(status=Status.UNKNOWN, region="eu-west-1")], META, "us-east-1")
    assert unknown["Compliance"]["Status"] == "NOT_AVAILABLE"
    assert unknown["Compliance"]["StatusReasons"][0]["ReasonCode"] == "EDGEKIT_DATA_NOT_COLLECTED"
    assert re.match(r"arn:aws:securityhub:eu-west-1:111111111111:product/", unknown["ProductArn"])
    cn = to_asff([finding()], {**META, "partition": "aws-cn"}, "cn-northwest-1")[0]
    assert cn["ProductArn"].startswith("arn:aws-cn:securityhub:cn-northwest-1:")


def test_reimport_updates_the_same_finding() -> None:
    first = to_asff([finding()], META, "us-east-1")[0]
    later_meta = {**META, "collected_at": "2026-03-01T08:30:00+00:00"}
    later = to_asff([finding(status=Status.UNKNOWN, message="denied")], later_meta, "us-east-1")[0]
    assert later["Id"] == first["Id"]
    assert later["UpdatedAt"] > first["UpdatedAt"]  # Security Hub applies only newer updates


def test_long_and_hostile_strings_are_capped_values() -> None:
    long = finding(title="T" * 400, message=HOSTILE * 200, evidence={"x": "y" * 5000})
    docs = to_asff([long, finding(resource_id=HOSTILE, message=HOSTILE)], META, "us-east-1")
    _validate(docs)
    parsed = json.loads(json.dumps(docs))
    assert parsed[0]["Title"].endswith("…")
    assert "too long" in parsed[0]["ProductFields"]["edgekit/evidence"]
    assert parsed[1]["Resources"][0]["Id"] == HOSTILE
    assert parsed[1]["Description"] == HOSTILE
    assert HOSTILE not in parsed[1]["Id"]


def test_blank_message_still_validates() -> None:
    _validate(to_asff([finding(message="  ")], META, "us-east-1"))


def test_scan_format_asff_writes_findings(tmp_path: Path) -> None:
    out = tmp_path / "f.asff.json"
    assert main(["scan", str(SAMPLE), "--format", "asff", "-o", str(out)]) == 0
    docs = json.loads(out.read_text(encoding="utf-8"))
    _validate(docs)
    assert {d["SchemaVersion"] for d in docs} == {"2018-10-08"}
