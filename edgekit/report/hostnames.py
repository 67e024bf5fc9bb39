"""Customer hostnames and the names AWS generated, and entrypoints grouped by front door.

A *customer hostname* is a name someone chose (a Route 53 record, a distribution alias, an API
custom domain); an *AWS-generated name* is one AWS issued with the resource
(``d111.cloudfront.net``, an ELB DNS name, ``<id>.execute-api.<region>.amazonaws.com``,
``<id>.lambda-url.<region>.on.aws``, an accelerator's ``*.awsglobalaccelerator.com``).
Counting them apart tells how many names people actually use.

A *front door* is the first resource past DNS an entrypoint's requests reach (a distribution,
a load balancer, an API, an accelerator). A distribution's generated name and its aliases share
one front door and so the same findings: :func:`front_doors` shows them on one row instead of
repeating the findings once per name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import pandas as pd

from edgekit import endpoints
from edgekit.graph.frontdoor import front_door as door_node
from edgekit.render.findings import count, worst
from edgekit.render.overview import GENERATED_KINDS

if TYPE_CHECKING:
    from edgekit.report.data import Report
    from edgekit.rules.finding import Finding

COLUMNS: Final = [
    "front door",
    "customer hostnames",
    "AWS-generated names",
    "account",
    "web ACLs",
    "TLS policy",
    "path",
    "worst",
    "findings",
]


def is_generated(hostname: str, entry_kind: str = "") -> bool:
    """The name was issued by AWS (by its entry kind, or by the AWS endpoint grammar of
    :mod:`edgekit.endpoints`: CloudFront, ELB, execute-api, Lambda URL, accelerator)."""
    if entry_kind in GENERATED_KINDS:
        return True
    return bool(
        endpoints.is_cloudfront_domain(hostname)
        or endpoints.is_accelerator_domain(hostname)
        or endpoints.elb_endpoint(hostname)
        or endpoints.execute_api(hostname)
        or endpoints.api_domain_target(hostname)
        or endpoints.lambda_url(hostname)
    )


def counts(rep: Report) -> dict[str, int]:
    """``{"entrypoints", "customer", "generated"}``: every public hostname, split in two."""
    found = rep.estate.entries()
    generated = sum(is_generated(e.hostname, e.entry_kind) for e in found)
    return {"entrypoints": len(found), "customer": len(found) - generated, "generated": generated}


def doors(rep: Report) -> dict[str, str]:
    """Every entrypoint hostname → the node id of its front door
    (:mod:`edgekit.graph.frontdoor`)."""
    graph = rep.estate.graph
    return {e.hostname: door_node(graph, e.node) for e in rep.estate.entries()}


def front_doors(rep: Report) -> pd.DataFrame:
    """One row per front door: its customer hostnames and AWS-generated names together, with
    the findings on any of their paths counted once; worst first, then by name."""
    frame = rep.estate.entrypoints()
    # hostname -> its cells of ``columns``, read column by column (a row look-up per hostname
    # cost more than the rest of the table)
    columns = ("entry_kind", "account_id", "web_acls", "tls_policy", "origin_chain")
    cells = zip(*(frame[c].tolist() for c in columns), strict=True)
    row = dict(zip(frame["hostname"].tolist(), cells, strict=True))
    door_of = doors(rep)
    groups: dict[str, list[str]] = {}
    for host in rep.lineages:
        groups.setdefault(door_of[host], []).append(host)
    graph = rep.estate.graph
    rows = []
    for node, hosts in groups.items():
        seen: dict[int, Finding] = {}
        for host in hosts:
            seen.update((id(f), f) for f in rep.findings_on(host))
        found = count(list(seen.values()))
        generated = {h: is_generated(h, str(row[h][0])) for h in hosts}
        _, account, acls, tls, chain = row[hosts[0]]
        attrs = graph.nodes[node] if node in graph else {}
        rows.append(
            {
                "front door": str(attrs.get("label") or node),
                "customer hostnames": ", ".join(h for h in hosts if not generated[h]),
                "AWS-generated names": ", ".join(h for h in hosts if generated[h]),
                "account": account,
                "web ACLs": acls,
                "TLS policy": tls,
                "path": chain,
                "worst": worst(found) or "—",
                "findings": ", ".join(f"{n} {k}" for k, n in found.items() if n),
                "_rank": _rank(worst(found)),
            }
        )
    out = pd.DataFrame(rows, columns=[*COLUMNS, "_rank"])
    out = out.sort_values(["_rank", "front door"], kind="stable").drop(columns="_rank")
    return out.reset_index(drop=True)


def _rank(label: str | None) -> int:
    from edgekit.rules.finding import Severity

    return -int(Severity.parse(label)) if label else 1


def summary_text(rep: Report) -> str:
    """``"12 public entrypoints (7 customer hostnames, 5 AWS-generated names) on 6 front
    doors"``."""
    c = counts(rep)
    found = len(set(doors(rep).values()))
    return (
        f"{c['entrypoints']} public entrypoints ({c['customer']} customer hostnames, "
        f"{c['generated']} AWS-generated names) on {found} front doors"
    )
