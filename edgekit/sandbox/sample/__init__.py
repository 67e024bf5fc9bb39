"""The sample estate: Northwind Traders' multi-account edge, seeded into the sandbox.

Three member accounts (shared edge 111111111111, payments 222222222222, web 333333333333), two
regions (us-east-1, eu-west-1): 33 CloudFront distributions, 14 load balancers, 6 WAFv2 web
ACLs and a WAF Classic one, three Route 53 zones, ACM certificates, S3 / API Gateway / Lambda
URL origins and a Global Accelerator. Five golden paths sit next to every redundancy pattern
of the check catalogue and a broad spread of misconfigurations; ``docs/sample-estate.md``
describes each service and what it is meant to trigger.

:func:`seed_sample` creates it through the ordinary AWS API only (boto3 clients that refuse
anything but a loopback sandbox endpoint or an active ``moto.mock_aws()``). It first seeds
moto's random generator, so the ids moto generates are the same on every run (timestamps and
the validity of certificates follow the clock).
"""

from __future__ import annotations

import datetime as dt
import urllib.request
from dataclasses import dataclass

from edgekit.sandbox.clients import SandboxClients, require_sandbox
from edgekit.sandbox.sample import (
    detection,
    dns,
    edge,
    houses,
    marketing,
    metrics,
    patterns,
    payments,
    web,
)
from edgekit.sandbox.sample.accounts import ACCOUNTS, READ_ONLY_ROLE, REGIONS, open_accounts
from edgekit.sandbox.sample.state import Estate

__all__ = ["GOLDEN_HOSTNAMES", "SampleInfo", "seed_sample"]

RANDOM_SEED = 20240601
"""Seed of moto's id generator (``/moto-api/seed``), for the same ids on every run."""
GOLDEN_HOSTNAMES = (
    "www.northwind.example",
    "northwind.example",
    "assets.northwind.example",
    "api.northwind.example",
    "thumbs.northwind.example",
    "pay.nwpay.example",
)
"""Entrypoints built to the catalogue's best practice (no high or critical finding)."""


@dataclass(frozen=True)
class SampleInfo:
    """What :func:`seed_sample` created, by the sample's own names."""

    accounts: dict[str, str]
    """Account id → account name."""
    regions: tuple[str, ...]
    role_name: str
    """The read-only role to collect with (exists in every member account)."""
    distributions: dict[str, str]
    """Sample name (``www``, ``shop`` ...) → distribution id."""
    distribution_domains: dict[str, str]
    """Sample name → ``*.cloudfront.net`` domain."""
    load_balancers: dict[str, str]
    """Load balancer name → ARN (Classic ELBs: a constructed ARN)."""
    web_acls: dict[str, str]
    """WAFv2 web ACL name → ARN."""
    classic_web_acl: str
    """The WAF Classic web ACL's id."""
    hosted_zones: dict[str, str]
    """Zone name → hosted zone id."""
    entrypoints: dict[str, str]
    """Alias host name → sample name of its distribution."""
    golden_hostnames: tuple[str, ...]
    metrics_end: str = ""
    """End (ISO 8601, an hour boundary) of the 14 days of hourly metrics the seed published."""


def _seed_random(endpoint_url: str | None) -> None:
    """Make moto's generated ids reproducible (its documented ``/moto-api/seed``)."""
    if endpoint_url is None:
        from moto.moto_api._internal import mock_random

        mock_random.seed(RANDOM_SEED)
        return
    url = f"{endpoint_url.rstrip('/')}/moto-api/seed?a={RANDOM_SEED}"
    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy
    with direct.open(urllib.request.Request(url, method="POST"), timeout=30):
        pass


def seed_sample(endpoint_url: str | None = None, now: dt.datetime | None = None) -> SampleInfo:
    """Create the sample estate in the sandbox and describe it.

    ``endpoint_url`` is a loopback sandbox URL (``http://127.0.0.1:PORT``); ``None`` means the
    in-process ``moto.mock_aws()`` that must be active, with the sandbox bridge installed
    (:func:`edgekit.sandbox.bridge.install`). Anything else raises
    :class:`~edgekit.sandbox.errors.SandboxError` before any request is made. ``now`` fixes the
    metrics' clock (default: the wall clock; :mod:`~edgekit.sandbox.sample.metrics`).
    """
    require_sandbox(endpoint_url)
    _seed_random(endpoint_url)
    estate = Estate(accounts=open_accounts(SandboxClients(endpoint_url)))
    web.build(estate)
    payments.build(estate)
    edge.build(estate)
    houses.build(estate)
    patterns.build(estate)
    marketing.build(estate)
    payments.build_distributions(estate)
    houses.build_apps(estate)
    edge.finish(estate)
    dns.build(estate)
    dns.dangle(estate)
    detection.build(estate)
    end = metrics.publish(estate, now)
    return SampleInfo(
        accounts=dict(ACCOUNTS),
        regions=REGIONS,
        role_name=READ_ONLY_ROLE,
        distributions={n: d.id for n, d in estate.distributions.items()},
        distribution_domains={n: d.domain for n, d in estate.distributions.items()},
        load_balancers={n: b.arn for n, b in estate.balancers.items()},
        web_acls=dict(estate.web_acls),
        classic_web_acl=estate.classic_web_acl,
        hosted_zones=dict(estate.hosted_zones),
        entrypoints={a: d.name for d in estate.distributions.values() for a in d.aliases},
        golden_hostnames=GOLDEN_HOSTNAMES,
        metrics_end=end.isoformat(timespec="seconds"),
    )
