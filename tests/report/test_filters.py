"""``Report.findings_frame``: the hostname filter, and filter values that name nothing raise
with the allowed values and a did-you-mean (never an empty frame)."""

from __future__ import annotations

from pathlib import Path

import pytest

from edgekit.report.data import Report
from edgekit.report.filters import FilterError, validate

RICH = Path(__file__).parents[1] / "fixtures" / "snapshots" / "rich.json"


@pytest.fixture(scope="module")
def rep(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return Report.open(RICH, tmp_path_factory.mktemp("filters"))


def test_hostname_keeps_the_findings_on_that_path(rep: Report) -> None:
    frame = rep.findings_frame(hostname="app.example.com")
    expected = [f for f in rep.findings if "app.example.com" in f.entrypoints]
    assert len(frame) == len(expected) > 0
    assert list(frame["check"]) == [f.check_id for f in expected]
    assert "classic legacy-clb" not in set(frame["resource"])


def test_hostname_globs_and_other_filters_combine(rep: Report) -> None:
    frame = rep.findings_frame(hostname=["legacy-clb-*", "app.*"], area="lb", min_severity="high")
    assert set(frame["check"]) == {
        "lb.classic_http_listener",
        "lb.classic_tls_policy_outdated",
        "lb.http_not_redirected",
    }
    assert set(frame["severity"]) == {"high"}


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"area": "wfa"}, r"area='wfa' is not one of: .*waf.* \(did you mean waf\?\)"),
        ({"min_severity": "hihg"}, r"min_severity='hihg' is not one of: critical, high, info, "),
        ({"status": "failed"}, r"status='failed' is not one of: fail, unknown \(did you mean fail"),
        ({"check": "lb.waf_fail_opn"}, r"check='lb.waf_fail_opn' .*did you mean lb.waf_fail_open"),
        ({"account": "11111111111"}, r"account='11111111111' .*did you mean 111111111111"),
        ({"hostname": "app.exmple.com"}, r"hostname: no entrypoint .*did you mean app.example.com"),
    ],
)
def test_a_typo_raises_with_allowed_values(
    rep: Report, filters: dict[str, str], message: str
) -> None:
    with pytest.raises(FilterError, match=message):
        rep.findings_frame(**filters)


def test_filter_error_is_a_value_error_and_validate_accepts_known_values() -> None:
    assert issubclass(FilterError, ValueError)
    validate(["waf.x", "lb.y"], ["1"], area=["waf", "lb"], status="fail", check="lb.y", account="1")


def test_findings_on_a_hostname_are_the_hostname_filters_rows(tmp_path: Path) -> None:
    """The report's tables (inventory, top risks, front doors, pictures) count what
    ``findings_frame(hostname=...)`` and ``edgekit scan --entrypoint`` list: the paths' nodes,
    their web ACLs and the certificates they serve. Against the lineage walk: every finding on
    a hop or its web ACLs is counted, and the only others are certificate findings."""
    from tests.report.conftest import SAMPLE

    rep = Report.open(SAMPLE, tmp_path)
    certificates = 0
    for host in rep.estate.hostnames():
        on = rep.findings_on(host)
        frame = rep.findings_frame(hostname=host)
        assert [(f.check_id, f.resource.id) for f in on] == list(
            zip(frame["check"], frame["resource id"], strict=True)
        )
        walked = rep.index.findings(rep.reach(host))
        assert {id(f) for f in walked} <= {id(f) for f in on}
        extra = [f for f in on if id(f) not in {id(w) for w in walked}]
        assert all(f.resource.type == "AWS::CertificateManager::Certificate" for f in extra)
        certificates += len(extra)
    assert certificates > 0  # the sample has certificate findings on served hostnames
