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


@pytest.mark.parametrize(
    ("filters", "same_as"),
    [
        ({"area": "WAF"}, {"area": "waf"}),
        ({"area": ["LB", "Waf"]}, {"area": ["lb", "waf"]}),
        ({"status": "FAIL"}, {"status": "fail"}),
        ({"status": " Unknown "}, {"status": "unknown"}),
        ({"min_severity": "HIGH"}, {"min_severity": "high"}),
    ],
)
def test_names_are_taken_in_any_case(
    rep: Report, filters: dict[str, str], same_as: dict[str, str]
) -> None:
    """``area="WAF"`` raised while ``min_severity="HIGH"`` was accepted."""
    frame = rep.findings_frame(**filters)
    assert len(frame) > 0
    assert frame.equals(rep.findings_frame(**same_as))


def test_check_takes_the_globs_of_scan_checks(rep: Report) -> None:
    """``check="waf.*"`` raised "is not one of: 120 values"."""
    waf = rep.findings_frame(check="waf.*")
    assert len(waf) > 0 and set(waf["check"]) == {
        f.check_id for f in rep.findings if f.check_id.startswith("waf.")
    }
    assert waf.equals(rep.findings_frame(area="waf"))
    assert rep.findings_frame(check="WAF.*").equals(waf)
    both = rep.findings_frame(check=["waf.*", "lb.waf_fail_open"])
    assert set(both["check"]) == set(waf["check"]) | {"lb.waf_fail_open"}
    one = rep.findings_frame(check="lb.waf_fail_open")
    assert set(one["check"]) == {"lb.waf_fail_open"}


@pytest.mark.parametrize(
    ("check", "message"),
    [
        (
            "waf.*x",
            r"^check='waf\.\*x' matches no check id \(did you mean waf\.[a-z_]+, .*\?\); "
            r"`edgekit checks` lists them all \(\d+\)$",
        ),
        ("wfa.*", r"^check='wfa\.\*' matches no check id \(did you mean waf\.\*\?\)"),
        ("", r"^check='': empty check id or glob"),
    ],
)
def test_check_glob_naming_nothing_raises_with_the_closest(
    rep: Report, check: str, message: str
) -> None:
    with pytest.raises(FilterError, match=message) as err:
        rep.findings_frame(check=check)
    assert "values" not in str(err.value)  # the closest ids, not a bare count of them


def test_a_long_set_lists_the_closest_and_where_to_see_all() -> None:
    accounts = [f"{n:012d}" for n in range(40)]
    with pytest.raises(FilterError) as err:
        validate(["waf.x"], accounts, account="000000000039x")
    message = str(err.value)
    assert message.startswith(
        "account='000000000039x' is not one of the 40 known values (did you mean 000000000039, "
    )
    assert message.endswith("?); Report.snapshot.accounts() lists them all")
    assert message.count("0000000000") == 4  # the value and its three closest, not all 40
    with pytest.raises(FilterError, match=r"^account='1' is not one of: 000000000000, "):
        validate(["waf.x"], accounts[:3], account="1")


def test_validate_returns_the_normalised_filter() -> None:
    from edgekit.rules.finding import Severity, Status

    keep = validate(
        ["waf.x", "waf.y", "lb.y"],
        ["1"],
        area="WAF",
        min_severity="Medium",
        status="UNKNOWN",
        check="WAF.*",
    )
    assert keep.areas == {"waf"} and keep.floor is Severity.MEDIUM
    assert keep.status is Status.UNKNOWN and keep.checks == {"waf.x", "waf.y"}
