"""How the entrypoints behave: the edge report's traffic tables, from the CloudWatch metrics.

Plain functions of a :class:`~edgekit.report.data.Report`, each returning a DataFrame:

* :func:`requests` — requests (new flows for NLBs and accelerators) per public entrypoint
  resource over the metrics window, busiest first;
* :func:`error_rates` — 4xx / 5xx at the edge (what the resource answered itself or passed on,
  as its clients saw it) against 5xx from the origin (targets, backends, integrations, the
  function; for a distribution, the metered resources right behind it);
* :func:`latency` — target response time p50 / p99 per load balancer;
* :func:`cache_hits` — CloudFront cache hit rate per distribution (additional metrics);
* :func:`waf_acls` / :func:`waf_rules` — allowed / blocked / counted requests per web ACL and
  per rule;
* :func:`busiest` — the hourly request series of the busiest entrypoints (for the plot).

Numbers are floats (``NaN`` where there is no value); the ``why not`` column says why a value
is missing, from the snapshot: metrics not collected (``--no-metrics``), ``GetMetricData``
denied (a gap), metrics disabled on a web ACL rule, additional metrics off, a resource younger
than the window. Absence is never read as zero, except where CloudWatch's own rule says so (a
complete count series publishes no datapoint for a period without requests).

Rates and latencies over the window are weighted by the requests of each period: CloudFront's
error and cache-hit rates are hourly averages, and percentiles of hours cannot be merged
exactly, so "p50" and "p99" are the request-weighted means of the hourly percentiles, and the
worst hour is given beside them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import pandas as pd

from edgekit.graph.metrics import metrics_frame, nodes_of
from edgekit.graph.nodes import TRAFFIC_EDGES
from edgekit.model.cloudwatch.reading import ORIGIN_5XX, REQUESTS, Metered, Reading, Traffic
from edgekit.model.cloudwatch.reading import metered as metered_resources
from edgekit.model.cloudwatch.types import MetricSeries, MetricWindow

if TYPE_CHECKING:
    import networkx as nx

    from edgekit.report.data import Report


SERVICES: Final[dict[str, str]] = {
    "distribution": "CloudFront",
    "alb": "ALB",
    "nlb": "NLB",
    "clb": "Classic ELB",
    "rest_stage": "REST API stage",
    "http_stage": "HTTP API stage",
    "function_url": "Lambda function URL",
    "accelerator": "Global Accelerator",
}
"""Metered resource type → what a person calls it."""

EDGE_4XX: Final[dict[str, tuple[str, str]]] = {
    "distribution": ("4xxErrorRate", "rate"),
    "rest_stage": ("4XXError", "count"),
    "http_stage": ("4xx", "count"),
    "function_url": ("Url4xxCount", "count"),
}
EDGE_5XX: Final[dict[str, tuple[str, str]]] = {
    "distribution": ("5xxErrorRate", "rate"),
    "alb": ("HTTPCode_ELB_5XX_Count", "count"),
}
"""Resource type → (metric, ``rate`` in % or ``count``) of errors seen at the resource: for a
distribution every 5xx it served (its own and its origins'); for an ALB the 5xx it generated
itself. Types not listed publish none of the kind (or it is not read)."""

NOT_HTTP: Final = frozenset({"nlb", "accelerator"})
"""Flow-level resources: no HTTP status, no latency of requests."""

NO_METRICS: Final = "CloudWatch metrics were not collected (--no-metrics?)"


def _days(window: MetricWindow | None) -> float:
    return (window.end - window.start).total_seconds() / 86400 if window else math.nan


@dataclass(frozen=True)
class TrafficView:
    """What every table needs: the traffic reader, the metered resources, their graph nodes
    and the hostnames whose requests enter at each."""

    traffic: Traffic
    resources: list[Metered]
    nodes: dict[str, Metered]
    hostnames: dict[str, list[str]]
    """Resource ARN → hostnames entering the estate at it (its first metered hop)."""

    @property
    def collected(self) -> bool:
        """The snapshot has a metrics window somewhere (metrics were asked for)."""
        return bool(self.traffic.windows)


def view(rep: Report) -> TrafficView:
    """The traffic reader of a report's estate, with hostnames per entrypoint resource."""
    inv = rep.estate.model
    resources = metered_resources(inv)
    nodes = nodes_of(rep.estate.graph, resources)
    hostnames: dict[str, list[str]] = {}
    for host, lineage in rep.lineages.items():
        hops = [(h.depth, h.node) for h in lineage if h.node in nodes]
        if hops:
            first = min(d for d, _ in hops)
            for arn in sorted({nodes[n].arn for d, n in hops if d == first}):
                hostnames.setdefault(arn, []).append(host)
    return TrafficView(Traffic(inv), resources, nodes, hostnames)


def label(m: Metered, hostnames: dict[str, list[str]] | None = None) -> str:
    """How a person names a metered resource: its service and name, and for a distribution
    the first hostname entering there (people's names come before AWS-generated ones)."""
    text = f"{SERVICES[m.type]} {m.name}"
    hosts = (hostnames or {}).get(m.arn, [])
    if m.type == "distribution" and hosts:
        text += f" ({hosts[0]})"
    return text


def requests_served(
    rep: Report, hostnames: Iterable[str], v: TrafficView | None = None
) -> float | None:
    """Requests over the window at the resources the ``hostnames``' requests enter (each
    resource once: ``www`` and the apex on one distribution count it once); None when they are
    known for none of them."""
    v = v or view(rep)
    wanted = set(hostnames)
    by_arn = {m.arn: m for m in v.resources}
    values = [
        v.traffic.requests(by_arn[arn]).value
        for arn, hosts in sorted(v.hostnames.items())
        if wanted.intersection(hosts)
    ]
    known = [x for x in values if x is not None]
    return float(sum(known)) if known else None


# -- requests --------------------------------------------------------------------------------------
def requests(rep: Report) -> pd.DataFrame:
    """One row per public metered resource: requests over the window and per day, the peak
    hour, the hostnames entering there, or why the requests are not known; busiest first."""
    v = view(rep)
    rows = []
    for m in v.resources:
        if not m.public:
            continue
        r = v.traffic.requests(m)
        peak = _peak(r.series) if r.value is not None else math.nan
        rows.append(
            {
                "entrypoint": label(m, v.hostnames),
                "service": SERVICES[m.type],
                "metric": REQUESTS[m.type][1],
                "account": m.account_id,
                "region": m.region,
                "hostnames": ", ".join(v.hostnames.get(m.arn, [])),
                "requests": _value(r),
                "per day": _value(r) / _days(r.window) if r.value is not None else math.nan,
                "peak hour": peak,
                "why not": r.reason,
                "arn": m.arn,
            }
        )
    columns = ["entrypoint", "service", "metric", "account", "region", "hostnames"]
    frame = pd.DataFrame(
        rows, columns=[*columns, "requests", "per day", "peak hour", "why not", "arn"]
    )
    return _busiest_first(frame)


def _value(r: Reading) -> float:
    return float(r.value) if r.value is not None else math.nan


def _peak(s: MetricSeries | None) -> float:
    return float(max(s.values)) if s is not None and s.values else 0.0


def _busiest_first(frame: pd.DataFrame) -> pd.DataFrame:
    known = frame["requests"].notna()
    ordered = pd.concat(
        [
            frame[known].sort_values(["requests", "entrypoint"], ascending=[False, True]),
            frame[~known].sort_values("entrypoint"),
        ]
    )
    return ordered.reset_index(drop=True)


# -- errors ----------------------------------------------------------------------------------------
def error_rates(rep: Report) -> pd.DataFrame:
    """Errors at the edge against errors from the origin, per public HTTP entrypoint resource
    (percent of its requests over the window); the worst 5xx share (edge or origin) first, so a
    bounded excerpt shows the problems, then the busiest."""
    v = view(rep)
    rows = []
    for m in v.resources:
        if not m.public or m.type in NOT_HTTP:
            continue
        req = v.traffic.requests(m)
        why: list[str] = [req.reason] if req.reason else []
        edge4 = _edge_rate(v.traffic, m, EDGE_4XX, req, why)
        edge5 = _edge_rate(v.traffic, m, EDGE_5XX, req, why)
        origin, at = _origin_rate(rep, v, m, req, why)
        rows.append(
            {
                "entrypoint": label(m, v.hostnames),
                "requests": _value(req),
                "4xx % (edge)": edge4,
                "5xx % (edge)": edge5,
                "5xx % (origin)": origin,
                "origin measured at": at,
                "why not": "; ".join(dict.fromkeys(w for w in why if w)),
            }
        )
    columns = ["entrypoint", "requests", "4xx % (edge)", "5xx % (edge)", "5xx % (origin)"]
    frame = pd.DataFrame(rows, columns=[*columns, "origin measured at", "why not"])
    return _worst_first(_busiest_first(frame))


def _worst_first(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows by their worst 5xx share, highest first (unknown last); ties keep their order."""
    worst = frame[["5xx % (edge)", "5xx % (origin)"]].max(axis=1, skipna=True)
    order = worst.fillna(-1.0).sort_values(ascending=False, kind="stable").index
    return frame.loc[order].reset_index(drop=True)


def _edge_rate(
    t: Traffic, m: Metered, table: dict[str, tuple[str, str]], req: Reading, why: list[str]
) -> float:
    if m.type not in table:
        return math.nan
    metric, kind = table[m.type]
    if kind == "count":
        return _share(t.total(m, metric), req, why)
    rate = _gauge(t, m, metric, "Average", req, why)
    return rate


def _share(part: Reading, whole: Reading, why: list[str]) -> float:
    """``part`` as a percentage of ``whole`` (NaN, with the reason, when either is unknown)."""
    if part.value is None:
        why.append(part.reason)
        return math.nan
    if whole.value is None:
        return math.nan
    if not whole.value:
        why.append("no requests in the window")
        return math.nan
    return 100.0 * part.value / whole.value


def _gauge(t: Traffic, m: Metered, metric: str, stat: str, req: Reading, why: list[str]) -> float:
    """The request-weighted mean of an hourly gauge (a rate, a latency) over the window."""
    window = t.windows.get((m.account_id, m.region))
    if window is None:
        why.append(NO_METRICS)
        return math.nan
    s = t.find(m.arn, metric, stat)
    if s is None:
        why.append(f"{metric} was not requested for it")
        return math.nan
    if not s.complete:
        why.append(f"CloudWatch answered {s.status or 'nothing'} for {metric}")
        return math.nan
    if req.series is not None:
        weighted = s.weighted_mean(req.series)
        if weighted is not None:
            return weighted
    if not s.values:
        why.append(f"no {metric} datapoint in the window (no requests)")
        return math.nan
    mean = s.mean()
    return math.nan if mean is None else mean


def behind(graph: nx.DiGraph, node: str, nodes: dict[str, Metered]) -> list[Metered]:
    """The metered resources right behind ``node`` on its traffic paths (the first one met on
    each path), in a stable order."""
    found: dict[str, Metered] = {}
    seen = {node}
    stack = [node]
    while stack:
        u = stack.pop()
        for w, d in graph.adj[u].items():
            if d.get("kind") not in TRAFFIC_EDGES or w in seen:
                continue
            seen.add(w)
            if w in nodes:
                found[nodes[w].arn] = nodes[w]
            else:
                stack.append(w)
    return sorted(found.values(), key=lambda m: (m.type, m.arn))


def _origin_rate(
    rep: Report, v: TrafficView, m: Metered, req: Reading, why: list[str]
) -> tuple[float, str]:
    if m.type in ORIGIN_5XX:
        return _share(v.traffic.total(m, ORIGIN_5XX[m.type]), req, why), "its own targets"
    if m.type != "distribution":
        return math.nan, ""
    node = next((n for n, x in v.nodes.items() if x.arn == m.arn), None)
    if node is None:
        return math.nan, ""
    origins = [o for o in behind(rep.estate.graph, node, v.nodes) if o.type in ORIGIN_5XX]
    if not origins:
        return math.nan, "no metered origin (S3 or an address)"
    errors = [v.traffic.total(o, ORIGIN_5XX[o.type]) for o in origins]
    served = [v.traffic.requests(o) for o in origins]
    names = ", ".join(label(o, v.hostnames) for o in origins)
    missing = [r.reason for r in (*errors, *served) if r.value is None]
    if missing:
        why.extend(missing)
        return math.nan, names
    total = sum(r.value or 0.0 for r in served)
    if not total:
        why.append("its origins served no requests in the window")
        return math.nan, names
    return 100.0 * sum(r.value or 0.0 for r in errors) / total, names


# -- latency ---------------------------------------------------------------------------------------
def latency(rep: Report) -> pd.DataFrame:
    """Response time per load balancer (ms): ALB target response time p50 / p99 and the worst
    hourly p99; Classic ELB average latency. NLBs measure flows, not requests: not listed."""
    v = view(rep)
    rows = []
    for m in v.resources:
        if m.type not in {"alb", "clb"}:
            continue
        req = v.traffic.requests(m)
        why: list[str] = [req.reason] if req.reason else []
        if m.type == "alb":
            p50 = _gauge(v.traffic, m, "TargetResponseTime", "p50", req, why)
            p99 = _gauge(v.traffic, m, "TargetResponseTime", "p99", req, why)
            worst = _worst(v.traffic.find(m.arn, "TargetResponseTime", "p99"))
            average = math.nan
        else:
            p50 = p99 = worst = math.nan
            average = _gauge(v.traffic, m, "Latency", "Average", req, why)
        rows.append(
            {
                "load balancer": label(m, v.hostnames),
                "scheme": "internet-facing" if m.public else "internal",
                "requests": _value(req),
                "p50 ms": 1000 * p50,
                "p99 ms": 1000 * p99,
                "worst hour p99 ms": 1000 * worst,
                "average ms": 1000 * average,
                "why not": "; ".join(dict.fromkeys(w for w in why if w)),
            }
        )
    columns = ["load balancer", "scheme", "requests", "p50 ms", "p99 ms", "worst hour p99 ms"]
    frame = pd.DataFrame(rows, columns=[*columns, "average ms", "why not"])
    return _busiest_first(frame.rename(columns={"load balancer": "entrypoint"})).rename(
        columns={"entrypoint": "load balancer"}
    )


def _worst(s: MetricSeries | None) -> float:
    if s is None or not s.complete or not s.values:
        return math.nan
    return float(max(s.values))


# -- cache -----------------------------------------------------------------------------------------
def cache_hits(rep: Report) -> pd.DataFrame:
    """CloudFront cache hit rate (%) per enabled distribution, request-weighted over the
    window; it needs the distribution's additional metrics (a monitoring subscription)."""
    v = view(rep)
    rows = []
    for m in v.resources:
        if m.type != "distribution" or not m.public:
            continue
        req = v.traffic.requests(m)
        why: list[str] = [req.reason] if req.reason else []
        subscribed = v.traffic.subscriptions.get(m.name)
        if (m.account_id, m.region) not in v.traffic.windows:
            rate = math.nan
            why.append(NO_METRICS)
        elif subscribed is False:
            rate = math.nan
            why.append("additional metrics are off (no monitoring subscription)")
        elif subscribed is None and v.traffic.find(m.arn, "CacheHitRate", "Average") is None:
            rate = math.nan
            why.append("the monitoring subscription could not be read (see the gaps)")
        else:
            rate = _gauge(v.traffic, m, "CacheHitRate", "Average", req, why)
        rows.append(
            {
                "distribution": m.name,
                "hostnames": ", ".join(v.hostnames.get(m.arn, [])),
                "requests": _value(req),
                "cache hit %": rate,
                "why not": "; ".join(dict.fromkeys(w for w in why if w)),
            }
        )
    columns = ["distribution", "hostnames", "requests", "cache hit %", "why not"]
    frame = pd.DataFrame(rows, columns=columns).rename(columns={"distribution": "entrypoint"})
    return _busiest_first(frame).rename(columns={"entrypoint": "distribution"})


# -- WAF -------------------------------------------------------------------------------------------
WAF_COLUMNS: Final = {
    "AllowedRequests": "allowed",
    "BlockedRequests": "blocked",
    "CountedRequests": "counted",
    "CaptchaRequests": "CAPTCHA",
    "ChallengeRequests": "challenge",
}


def _acl_unit(rep: Report, arn: str, account: str, region: str) -> tuple[str, str]:
    """The (account, region) of the cloudwatch unit a web ACL's metrics are read in."""
    for s in rep.estate.model.metrics:
        if s.resource == arn:
            return s.account_id, s.region
    return account, "global" if ":global/" in arn else region


def waf_acls(rep: Report) -> pd.DataFrame:
    """Requests per web ACL over the window by what the ACL did (allowed, blocked, counted,
    CAPTCHA, challenge), the blocked share, and why a count is not known."""
    v = view(rep)
    rows = []
    for acl in sorted(rep.estate.model.web_acls, key=lambda a: (a.name, a.arn)):
        unit = (acl.arn, *_acl_unit(rep, acl.arn, acl.account_id, acl.region))
        row: dict[str, object] = {
            "web ACL": acl.name,
            "scope": acl.scope,
            "account": acl.account_id,
        }
        why: list[str] = []
        for metric, column in WAF_COLUMNS.items():
            r = v.traffic.total(unit, metric)
            row[column] = _value(r)
            if r.reason:
                why.append(r.reason)
        allowed, blocked = float(row["allowed"]), float(row["blocked"])  # type: ignore[arg-type]
        inspected = allowed + blocked
        row["blocked %"] = 100.0 * blocked / inspected if inspected else math.nan
        row["why not"] = "; ".join(dict.fromkeys(why))
        rows.append(row)
    columns = ["web ACL", "scope", "account", *WAF_COLUMNS.values(), "blocked %", "why not"]
    return pd.DataFrame(rows, columns=columns)


def waf_rules(rep: Report) -> pd.DataFrame:
    """Per rule of each web ACL: the requests it matched, by the action metric it emits, and
    their share of the ACL's inspected requests (allowed + blocked). A rule group reference
    emits every action metric: those that stayed at zero are left out. Rules whose metrics are
    disabled get one row saying so."""
    v = view(rep)
    inv = rep.estate.model
    rows = []
    for acl in sorted(inv.web_acls, key=lambda a: (a.name, a.arn)):
        account, region = _acl_unit(rep, acl.arn, acl.account_id, acl.region)
        unit = (acl.arn, account, region)
        allowed = v.traffic.total(unit, "AllowedRequests").value
        blocked = v.traffic.total(unit, "BlockedRequests").value
        inspected = None if allowed is None or blocked is None else allowed + blocked
        for rule in _rule_names(rep, acl.arn, acl.rules if isinstance(acl.rules, tuple) else ()):
            if (acl.arn, rule) in v.traffic.disabled:
                reason = v.traffic.total(unit, "CountedRequests", rule).reason
                rows.append(_rule_row(acl.name, rule, "", math.nan, math.nan, reason))
                continue
            metrics = sorted(
                {s.metric_name for s in inv.metrics if s.resource == acl.arn and s.rule == rule},
                key=list(WAF_COLUMNS).index,
            )
            for metric in metrics:
                r = v.traffic.total(unit, metric, rule)
                if r.value == 0 and len(metrics) > 1:
                    continue
                share = (
                    100.0 * r.value / inspected if r.value is not None and inspected else math.nan
                )
                rows.append(
                    _rule_row(acl.name, rule, WAF_COLUMNS[metric], _value(r), share, r.reason)
                )
    return pd.DataFrame(rows, columns=RULE_COLUMNS)


RULE_COLUMNS: Final = ["web ACL", "rule", "action", "requests", "% of ACL requests", "why not"]


def _rule_row(
    acl: str, rule: str, action: str, value: float, share: float, why: str
) -> dict[str, object]:
    return dict(zip(RULE_COLUMNS, (acl, rule, action, value, share, why), strict=True))


def _rule_names(rep: Report, arn: str, rules: Iterable[object]) -> list[str]:
    """The rules of a web ACL with series or disabled metrics: evaluation order, then any
    other name the metrics carry (rules inside rule groups), alphabetically."""
    inv = rep.estate.model
    wanted = {s.rule for s in inv.metrics if s.resource == arn and s.rule} | {
        d.rule for d in inv.metrics_disabled if d.resource == arn and d.rule
    }
    named = [str(getattr(r, "name", "")) for r in rules]
    return [n for n in named if n in wanted] + sorted(str(x) for x in wanted - set(named))


# -- time series -----------------------------------------------------------------------------------
def busiest(rep: Report, n: int = 5) -> pd.DataFrame:
    """Hourly requests of the ``n`` busiest public entrypoint resources: a time index, one
    column per entrypoint (empty without metrics)."""
    frame = requests(rep)
    top = frame[frame["requests"].notna() & (frame["requests"] > 0)].head(n)
    inv = rep.estate.model
    by_arn = {m.arn: m for m in metered_resources(inv)}
    columns: dict[str, pd.Series] = {}
    for arn, label in zip(top["arn"], top["entrypoint"], strict=True):
        m = by_arn[arn]
        series = metrics_frame(inv, arn)
        metric = REQUESTS[m.type][1]
        if metric in series.columns:
            columns[str(label)] = series[metric]
    if not columns:
        return pd.DataFrame()
    return pd.DataFrame(columns)


def window_text(rep: Report) -> str:
    """The metrics window(s) of the snapshot, for a sentence ("" without metrics)."""
    windows = sorted({(w.start, w.end, w.period) for w in rep.estate.model.metric_windows})
    return "; ".join(
        f"{start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M} UTC "
        f"({(end - start).total_seconds() / 86400:g} days, {period // 60}-minute periods)"
        for start, end, period in windows
    )
