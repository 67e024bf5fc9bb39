"""cloudfront.behavior_unreachable, s3_write_methods, no_field_level_encryption,
legacy_trusted_signers, lambda_edge_viewer."""

from __future__ import annotations

from typing import Any

import pytest

from edgekit.rules.analysis import path_patterns
from tests.model import factories as f
from tests.rules.checks.cf_snapshots import alb, cf, dist, fails, run_check

ALL_METHODS = ("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE")
LAMBDA = "arn:aws:lambda:us-east-1:111111111111:function:edge:3"


def _ordered(*patterns: str) -> dict[str, Any]:
    return dist(behaviors=[f.behavior("s3-assets", p) for p in patterns])


# -- behavior_unreachable ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("patterns", "unreachable"),
    [
        (
            ("/api*", "/api/v2/*"),
            [{"path_pattern": "/api/v2/*", "position": 2, "shadowed_by": ["/api*"]}],
        ),
        (("*", "/a/*"), [{"path_pattern": "/a/*", "position": 2, "shadowed_by": ["*"]}]),
        (
            ("/a/*.jpg", "/a/x.jpg"),
            [{"path_pattern": "/a/x.jpg", "position": 2, "shadowed_by": ["/a/*.jpg"]}],
        ),
        (
            ("images/*", "/images/*"),
            [{"path_pattern": "/images/*", "position": 2, "shadowed_by": ["images/*"]}],
        ),
        (
            ("*.jpg", "/img/*/thumb.jpg"),
            [{"path_pattern": "/img/*/thumb.jpg", "position": 2, "shadowed_by": ["*.jpg"]}],
        ),
        (
            ("/a?", "/a??*", "/a?*"),
            [{"path_pattern": "/a?*", "position": 3, "shadowed_by": ["/a?", "/a??*"]}],
        ),
    ],
)
def test_behavior_unreachable_fires(patterns: tuple[str, ...], unreachable: list[Any]) -> None:
    [finding] = fails("cloudfront.behavior_unreachable", cf(_ordered(*patterns)))
    assert finding.evidence == {"unreachable": unreachable}


def test_behavior_unreachable_fires_for_each_shadowed_pattern_in_order() -> None:
    [finding] = fails(
        "cloudfront.behavior_unreachable", cf(_ordered("/x/*", "/x/a", "/y", "/x/b/*"))
    )
    assert [u["path_pattern"] for u in finding.evidence["unreachable"]] == ["/x/a", "/x/b/*"]
    assert finding.message == "unreachable behavior(s): /x/a (by /x/*), /x/b/* (by /x/*)"


@pytest.mark.parametrize(
    "patterns",
    [
        ("/api/v2/*", "/api*"),  # specific first: correct order
        ("/a/*.jpg", "/a/*.JPG"),  # case-sensitive
        ("/a?", "/a"),  # ? is exactly one character
        ("/img/*", "/images/*"),
        ("*.jpg", "/img/*"),  # overlap is not coverage
        ("/a?", "/a??*", "/a*"),  # /a itself still reaches the third
    ],
)
def test_behavior_unreachable_passes(patterns: tuple[str, ...]) -> None:
    assert run_check("cloudfront.behavior_unreachable", cf(_ordered(*patterns))) == []


def test_behavior_unreachable_passes_when_undecidable_within_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(path_patterns, "BUDGET", 0)  # unique patterns: not memoised yet
    snap = cf(_ordered("/budget*", "/budget/v2/*"))
    assert run_check("cloudfront.behavior_unreachable", snap) == []


# -- s3_write_methods --------------------------------------------------------------------------
def test_s3_write_methods_fires_on_ordered_behavior() -> None:
    d = dist(
        behaviors=[f.behavior("s3-assets", "/upload/*", methods=ALL_METHODS)],
    )
    [finding] = fails("cloudfront.s3_write_methods", cf(d))
    assert finding.evidence == {"behaviors": {"/upload/*": ["DELETE", "PATCH", "POST", "PUT"]}}


def test_s3_write_methods_fires_through_an_origin_group() -> None:
    d = dist(
        origins=[f.s3_origin("p"), f.s3_origin("s", "replica")],
        groups=[f.origin_group("grp", ["p", "s"])],
        default=f.behavior("grp", methods=ALL_METHODS),
    )
    [finding] = fails("cloudfront.s3_write_methods", cf(d))
    assert list(finding.evidence["behaviors"]) == ["Default (*)"]


def test_s3_write_methods_passes_for_alb_and_read_only_s3() -> None:
    d = dist(
        origins=[f.s3_origin(), alb()],
        behaviors=[f.behavior("alb", "/api/*", methods=ALL_METHODS)],
    )
    assert run_check("cloudfront.s3_write_methods", cf(d)) == []


# -- no_field_level_encryption -----------------------------------------------------------------
def test_no_field_level_encryption_fires_on_post_to_custom_origin() -> None:
    d = dist(
        origins=[f.s3_origin(), alb()],
        behaviors=[f.behavior("alb", "/forms/*", methods=ALL_METHODS)],
    )
    [finding] = fails("cloudfront.no_field_level_encryption", cf(d))
    assert finding.evidence == {"path_patterns": ["/forms/*"]}


def test_no_field_level_encryption_passes_with_config_or_s3_or_get_only() -> None:
    d = dist(
        origins=[f.s3_origin(), alb()],
        behaviors=[
            f.behavior("alb", "/forms/*", methods=ALL_METHODS, field_level_encryption="FLE1"),
            f.behavior("alb", "/read/*"),
            f.behavior("s3-assets", "/s3/*", methods=ALL_METHODS),
        ],
    )
    assert run_check("cloudfront.no_field_level_encryption", cf(d)) == []


# -- legacy_trusted_signers --------------------------------------------------------------------
def test_legacy_trusted_signers_fires() -> None:
    d = dist(behaviors=[f.behavior("s3-assets", "/private/*", trusted_signers=["self"])])
    [finding] = fails("cloudfront.legacy_trusted_signers", cf(d))
    assert finding.evidence == {"path_patterns": ["/private/*"]}


def test_legacy_trusted_signers_passes_with_key_groups() -> None:
    d = dist(behaviors=[f.behavior("s3-assets", "/private/*", key_groups=["kg-1"])])
    assert run_check("cloudfront.legacy_trusted_signers", cf(d)) == []


# -- lambda_edge_viewer ------------------------------------------------------------------------
def test_lambda_edge_viewer_fires_on_viewer_events() -> None:
    d = dist(
        default=f.behavior("s3-assets", lambdas=[(LAMBDA, "viewer-request")]),
        behaviors=[f.behavior("s3-assets", "/a/*", lambdas=[(LAMBDA, "viewer-response")])],
    )
    [finding] = fails("cloudfront.lambda_edge_viewer", cf(d))
    assert finding.evidence == {
        "behaviors": {
            "/a/*": [f"viewer-response: {LAMBDA}"],
            "Default (*)": [f"viewer-request: {LAMBDA}"],
        }
    }


def test_lambda_edge_viewer_passes_on_origin_events_and_functions() -> None:
    fn = "arn:aws:cloudfront::111111111111:function/rewrite"
    d = dist(
        default=f.behavior(
            "s3-assets", lambdas=[(LAMBDA, "origin-request")], functions=[(fn, "viewer-request")]
        )
    )
    assert run_check("cloudfront.lambda_edge_viewer", cf(d)) == []


# -- realistic-but-unusual estates (reviewed, judged correct, locked) -----------------------------
# -- origin groups as behavior targets (judged correct; locked) ----------------------------------
def _grouped(**behavior: Any) -> dict[str, Any]:
    """An ordered /api/* behavior targeting an origin group: ALB primary, S3 failover."""
    origins = [alb(policy="match-viewer"), f.s3_origin("s3", "fallback-bucket")]
    ordered = f.behavior("grp", "/api/*", **behavior)
    return dist(
        origins=origins,
        groups=[f.origin_group("grp", ["alb", "s3"])],
        behaviors=[ordered],
        default=f.behavior("s3"),
    )


def test_s3_write_methods_fires_for_the_s3_member_of_an_origin_group() -> None:
    methods = ("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE")
    [finding] = fails("cloudfront.s3_write_methods", cf(_grouped(methods=methods)))
    assert finding.evidence == {"behaviors": {"/api/*": ["DELETE", "PATCH", "POST", "PUT"]}}
