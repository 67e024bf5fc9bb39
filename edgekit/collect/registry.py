"""The collector registry: every collector edgekit ships, in a fixed order."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from edgekit.aws.session import SessionSpec
from edgekit.collect import (
    acm,
    apigateway,
    apigatewayv2,
    cloudfront,
    cloudwatch,
    ec2,
    elb,
    elbv2,
    globalaccelerator,
    lambda_,
    pricing,
    route53,
    s3,
    shield,
    waf_classic,
    wafv2,
)
from edgekit.collect.base import CollectorSpec

ALL: tuple[CollectorSpec, ...] = (
    cloudfront.SPEC,
    wafv2.SPEC,
    elbv2.SPEC,
    route53.SPEC,
    acm.SPEC,
    elb.SPEC,
    apigateway.SPEC,
    apigatewayv2.SPEC,
    waf_classic.SPEC,
    waf_classic.REGIONAL_SPEC,
    shield.SPEC,
    globalaccelerator.SPEC,
    ec2.SPEC,
    s3.SPEC,
    lambda_.SPEC,
    cloudwatch.SPEC,
)
"""Every collector, in collection order."""

OPTIONAL: tuple[CollectorSpec, ...] = (pricing.SPEC,)
"""Collectors that run only when asked (``collect --prices`` / ``--collectors pricing``)."""


@cache
def collectors_by_id() -> dict[str, CollectorSpec]:
    """Collectors keyed by id; duplicate ids are a programming error."""
    out: dict[str, CollectorSpec] = {}
    for spec in (*ALL, *OPTIONAL):
        if spec.id in out:
            raise ValueError(f"duplicate collector id {spec.id!r}")
        out[spec.id] = spec
    return out


def collector_ids() -> list[str]:
    """Every collector id, in collection order."""
    return [spec.id for spec in ALL]


def select(ids: Sequence[str] | None = None) -> list[CollectorSpec]:
    """The collectors named in ``ids`` (all when None); unknown names are an error."""
    by_id = collectors_by_id()
    if not ids:
        return list(ALL)
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise ValueError(f"unknown collector(s): {', '.join(unknown)}; known: {', '.join(by_id)}")
    return [by_id[i] for i in ids]


def declared_actions(specs: Sequence[CollectorSpec] | None = None) -> list[str]:
    """Union of the IAM actions the collectors declare (plus target resolution's), sorted."""
    from edgekit.collect.targets import TARGET_ACTIONS

    actions = set(TARGET_ACTIONS)
    for spec in specs or (*ALL, *OPTIONAL):
        actions.update(spec.actions)
    return sorted(actions)


@cache
def _every_declared_action() -> frozenset[str]:
    return frozenset(declared_actions())


def guarded(spec: SessionSpec) -> SessionSpec:
    """``spec`` whose clients may call exactly the declared actions (the read-only guard's
    allow-list, the same list ``edgekit iam-policy`` prints); a spec that already carries an
    allow-list is returned unchanged."""
    return spec if spec.allowed_actions else spec.allowing(_every_declared_action())
