"""The compliance view: the PCI DSS v4.0 mapping, requirement statuses, the CLI and the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edgekit.cli import main
from edgekit.commands.compliance_view import framework_markdown
from edgekit.rules.asff import to_asff
from edgekit.rules.catalogue import load
from edgekit.rules.compliance import framework, requirement_statuses, requirements_by_check
from edgekit.rules.finding import Status
from edgekit.rules.ocsf import to_ocsf
from edgekit.rules.registry import Registry
from tests.integrations.findings import META, SAMPLE, finding

ROOT = Path(__file__).resolve().parents[2]


def test_mapping_is_consistent_with_the_catalogue() -> None:
    registry = load()
    fw = framework("pci-dss-4.0", registry)
    assert set(fw.checks) <= set(registry.ids())
    for m in fw.checks.values():
        assert m.requirements and set(m.requirements) <= set(fw.requirements), m.check_id
        assert m.why.strip()
    for req in fw.requirements:
        assert fw.checks_for(req), f"{req} is evidenced by no check"
    # the requirements the issue names are covered
    for req in ("4.2.1", "6.4.2", "1.4.2", "10.2.1", "2.2.5"):
        assert req in fw.requirements
    assert "cloudfront.no_waf" in fw.checks_for("6.4.2")
    assert "tls.cert_expired" in fw.checks_for("4.2.1")


def test_a_stale_mapping_is_an_error() -> None:
    registry = load()
    partial = Registry(tuple(c for c in registry if c.meta.id != "cloudfront.no_waf"))
    with pytest.raises(ValueError, match=r"cloudfront\.no_waf"):
        framework("pci-dss-4.0", partial)
    with pytest.raises(ValueError, match="unknown framework"):
        framework("iso-27001", registry)


def test_fsbp_is_derived_from_the_references() -> None:
    registry = load()
    fw = framework("aws-fsbp", registry)
    assert fw.checks["cloudfront.no_waf"].requirements == ("CloudFront.6",)
    assert fw.checks["tls.cert_expired"].requirements == ("ACM.1",)
    refs = {c.meta.id for c in registry if any(r.startswith("SH ") for r in c.meta.references)}
    assert set(fw.checks) == refs
    assert list(fw.requirements).index("CloudFront.9") < list(fw.requirements).index(
        "CloudFront.10"
    )


def test_docs_table_in_sync() -> None:
    registry = load()
    expected = framework_markdown(framework("pci-dss-4.0", registry), registry)
    actual = (ROOT / "docs/compliance-pci-dss-4.0.md").read_text(encoding="utf-8")
    assert actual == expected, (
        "stale: run `edgekit checks --framework pci-dss-4.0 --format md "
        "> docs/compliance-pci-dss-4.0.md`"
    )


def test_statuses_fail_unknown_pass_not_evaluated() -> None:
    fw = framework("pci-dss-4.0", load())
    findings = [
        finding(check_id="cloudfront.no_waf", resource_id="d1"),
        finding(check_id="waf.acl_empty", status=Status.UNKNOWN, resource_id="w1"),
        finding(check_id="tls.cert_expired", status=Status.UNKNOWN, resource_id="c1"),
    ]
    evaluated = {"cloudfront.no_waf": 3, "waf.acl_empty": 1, "cloudfront.logging_disabled": 2}
    by_req = {s.requirement: s for s in requirement_statuses(fw, findings, evaluated)}
    assert by_req["6.4.2"].status == "fail"  # a fail wins over an unknown
    assert by_req["6.4.2"].failing_resources == ("d1",)
    assert by_req["6.4.2"].unknown_resources == ("w1",)
    assert by_req["4.2.1"].status == "unknown"
    assert by_req["10.2.1"].status == "pass"  # evaluated, nothing found
    assert by_req["8.2.2"].status == "not evaluated"  # its check ran on nothing
    assert list(by_req) == sorted(by_req, key=lambda r: [int(p) for p in r.split(".")])


def test_exports_name_the_requirements() -> None:
    reqs = requirements_by_check(load())
    f = finding(check_id="cloudfront.no_waf")
    assert to_asff([f], META, "us-east-1", reqs)[0]["Compliance"]["RelatedRequirements"] == [
        "PCI DSS v4.0 6.4.2"
    ]
    assert "PCI DSS v4.0 6.4.2" in to_ocsf([f], META, reqs)[0]["finding_info"]["types"]
    assert (
        "RelatedRequirements"
        not in to_asff([finding(check_id="cloudfront.no_http3")], META, "us-east-1", reqs)[0][
            "Compliance"
        ]
    )


def test_cli_framework_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checks", "--framework", "pci-dss-4.0", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["framework"] == "pci-dss-4.0"
    req = next(r for r in doc["requirements"] if r["id"] == "6.4.2")
    assert any(c["id"] == "cloudfront.no_waf" and c["severity"] == "high" for c in req["checks"])
    assert "redundancy.cdn_chain" in doc["unmapped_checks"]
    assert main(["checks", "--framework", "aws-fsbp"]) == 0
    assert "CloudFront.6" in capsys.readouterr().out
    assert main(["checks", "--framework", "pci-dss-4.0", "--format", "md"]) == 0
    assert "| **4.2.1**" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exc:
        main(["checks", "--framework", "hipaa"])
    assert exc.value.code == 2


def test_report_section_on_the_sample(tmp_path: Path) -> None:
    from edgekit.report import Report
    from edgekit.report.compliance import compliance_frame, show_compliance

    rep = Report.open(SAMPLE, tmp_path / "run", tmp_path / "diagrams")
    frame = compliance_frame(rep, full=True).set_index("requirement")
    signers = sorted(
        {f.resource.id for f in rep.findings if f.check_id == "cloudfront.legacy_trusted_signers"}
    )
    assert signers, "the sample has a distribution with trusted signers"
    assert frame.loc["8.2.2", "status"] == "fail"
    assert frame.loc["8.2.2", "failing_resources"].split("\n") == signers
    short = compliance_frame(rep).set_index("requirement")
    assert short.loc["4.2.1", "failing_resources"].endswith("more")
    show_compliance(rep)
    assert (tmp_path / "run" / "compliance-pci-dss-4.0.csv").is_file()
