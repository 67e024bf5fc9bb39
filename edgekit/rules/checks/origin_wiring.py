"""origin.* wiring between a CloudFront origin and its ALB: HTTPS port, keep-alive timeout."""

from __future__ import annotations

from edgekit.model import NOT_COLLECTED, CustomOriginConfig, LoadBalancer
from edgekit.rules.analysis.origin_reach import load_balancers_of
from edgekit.rules.context import CheckContext, OriginSubject
from edgekit.rules.finding import Fail, Unknown
from edgekit.rules.registry import check

DEFAULT_IDLE_TIMEOUT = 60
"""ALB ``idle_timeout.timeout_seconds`` when the attribute is absent."""


def _albs(s: OriginSubject, ctx: CheckContext) -> list[LoadBalancer | Unknown]:
    """The ALBs the origin reaches (every target of weighted / failover records), and an
    Unknown for each load balancer it names that was not collected."""
    out: list[LoadBalancer | Unknown] = []
    for lb in load_balancers_of(ctx, s.distribution, s.origin):
        if lb is NOT_COLLECTED:
            out.append(
                Unknown(
                    f"origin {s.origin.id} ({s.origin.domain_name}) names a load balancer that "
                    "was not collected",
                    {"origin": s.origin.id, "domain": s.origin.domain_name},
                )
            )
        elif isinstance(lb, LoadBalancer) and lb.type == "application":
            out.append(lb)
    return out


def _worst(results: list[Fail | Unknown | None]) -> Fail | Unknown | None:
    """The first failure, else the first unknown, else None."""
    for wanted in (Fail, Unknown):
        for r in results:
            if isinstance(r, wanted):
                return r
    return None


@check(
    "origin.https_port_without_listener",
    title="Origin uses HTTPS on a port where the ALB has no HTTPS listener",
    severity="high",
    category="resilience",
    applies_to="origin",
    remediation=(
        "Add an HTTPS listener on the origin's HTTPS port (with a certificate for the origin "
        "domain), or set the origin's HTTPSPort to the port of the ALB's HTTPS listener."
    ),
)
def https_port_without_listener(s: OriginSubject, ctx: CheckContext) -> Fail | Unknown | None:
    """A custom origin that connects with HTTPS — OriginProtocolPolicy ``https-only``, or
    ``match-viewer`` (HTTPS viewers, which every viewer policy admits) — to an ALB (reached by
    DNS name or Route 53 alias / CNAME chain) that has no ``HTTPS`` listener on the origin's
    ``HTTPSPort``: no listener there, or an ``HTTP`` one. CloudFront's TLS connection fails
    and viewers get 502 errors. Every ALB the origin's name leads to counts (weighted,
    latency or failover records: blue/green pairs). Unknown when the load balancer or its
    listeners were not collected. VPC origins are not covered (their port settings are not in
    the summary the collector reads)."""
    cfg = s.origin.custom_origin_config
    if cfg is None or cfg.origin_protocol_policy not in ("https-only", "match-viewer"):
        return None
    return _worst(
        [lb if isinstance(lb, Unknown) else _https_port(s, cfg, lb) for lb in _albs(s, ctx)]
    )


def _https_port(
    s: OriginSubject, cfg: CustomOriginConfig, lb: LoadBalancer
) -> Fail | Unknown | None:
    if lb.listeners is NOT_COLLECTED:
        return Unknown(f"listeners of {lb.name} were not collected", {"load_balancer": lb.arn})
    on_port = sorted((li.protocol or "?") for li in lb.listeners if li.port == cfg.https_port)
    if "HTTPS" in (p.upper() for p in on_port):
        return None
    found = f"an {'/'.join(on_port)} listener" if on_port else "no listener"
    viewers = "" if cfg.origin_protocol_policy == "https-only" else " (HTTPS viewers)"
    return Fail(
        f"origin {s.origin.id} connects with HTTPS on port {cfg.https_port}{viewers} but "
        f"{lb.name} has {found} there: 502 errors",
        {
            "origin": s.origin.id,
            "origin_protocol_policy": cfg.origin_protocol_policy,
            "https_port": cfg.https_port,
            "load_balancer": lb.arn,
            "listeners": sorted(f"{li.protocol}:{li.port}" for li in lb.listeners),
        },
    )


@check(
    "origin.keepalive_exceeds_idle_timeout",
    title="Origin keep-alive timeout not below the ALB idle timeout",
    severity="low",
    category="resilience",
    applies_to="origin",
    remediation=(
        "Keep the origin keep-alive timeout below the ALB's idle timeout: raise "
        "idle_timeout.timeout_seconds (e.g. to 65+) or lower OriginKeepaliveTimeout."
    ),
)
def keepalive_exceeds_idle_timeout(s: OriginSubject, ctx: CheckContext) -> Fail | Unknown | None:
    """A custom or VPC origin whose keep-alive timeout (``OriginKeepaliveTimeout``, default 5 s)
    is greater than or equal to the idle timeout of the ALB it reaches
    (``idle_timeout.timeout_seconds``, 60 s when absent): the ALB may close an idle connection
    just as CloudFront reuses it, and that request fails with a 502. Every ALB the origin's
    name leads to counts (weighted, latency or failover records). Unknown when the load
    balancer or its attributes were not collected."""
    cfg = s.origin.custom_origin_config or s.origin.vpc_origin_config
    if cfg is None:
        return None
    keepalive = cfg.origin_keepalive_timeout
    return _worst(
        [lb if isinstance(lb, Unknown) else _idle(s, keepalive, lb) for lb in _albs(s, ctx)]
    )


def _idle(s: OriginSubject, keepalive: int, lb: LoadBalancer) -> Fail | Unknown | None:
    if lb.attributes is NOT_COLLECTED:
        return Unknown(f"attributes of {lb.name} were not collected", {"load_balancer": lb.arn})
    idle = lb.attributes.idle_timeout_seconds
    idle = DEFAULT_IDLE_TIMEOUT if idle is None else idle
    if keepalive < idle:
        return None
    return Fail(
        f"origin {s.origin.id} keep-alive {keepalive}s ≥ {lb.name} idle timeout {idle}s",
        {
            "origin": s.origin.id,
            "origin_keepalive_timeout": keepalive,
            "idle_timeout_seconds": idle,
            "load_balancer": lb.arn,
        },
    )
