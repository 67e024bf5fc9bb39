"""The per-entrypoint spec: what is drawn, folded, grouped, collapsed, coloured and cut."""

from __future__ import annotations

import json

import pytest

from edgekit.graph import UnknownEntrypointError
from edgekit.graph.tables import entries
from edgekit.render import NODE_CAP, entrypoint_spec
from edgekit.render.entrypoint import spec_for_entry
from edgekit.render.findings import FindingIndex
from edgekit.render.project import Projection
from edgekit.render.spec import SCHEMA, SEVERITY_STYLES, UNRESOLVED_FILL, DiagramSpec
from tests.render.helpers import CERT, EDGE_ACL, HTTPS_443, WEB_ALB, fixed_findings, rich


@pytest.fixture(scope="module")
def www() -> DiagramSpec:
    return entrypoint_spec(rich(), fixed_findings(), "www.example.com")


def test_path_from_hostname_to_backends(www: DiagramSpec) -> None:
    kinds = {n.kind for n in www.nodes}
    assert {"dns", "distribution", "behaviors", "origin", "origin-group", "load-balancer"} <= kinds
    assert {"target-group", "target", "s3-bucket", "lambda-function", "web-acl"} <= kinds
    assert "listener" not in kinds and "listener-rule" not in kinds
    ids = {n.id for n in www.nodes}
    assert all(e.src in ids and e.dst in ids for e in www.edges)
    assert www.title.startswith("www.example.com") and www.name == "www-example-com"


def test_behaviors_grouped_by_origin(www: DiagramSpec) -> None:
    group = www.node("behaviors:origin:E1MAINDIST:alb-web")
    assert group.label == "2 behaviors"
    assert set(group.members) == {"behavior:E1MAINDIST:/api/v2/*", "behavior:E1MAINDIST:default"}
    assert group.lines[:2] == ("/api/v2/*", "default (*)")
    single = www.node("behaviors:origin:E1MAINDIST:s3-legacy")
    assert single.label == "/legacy/*" and single.severity == "medium"


def test_listeners_fold_into_arrows_that_carry_their_findings(www: DiagramSpec) -> None:
    lb = "lb:" + WEB_ALB
    out = [e for e in www.edges if e.src == lb and e.kind == "forwards"]
    assert {e.dst.split("/")[1] for e in out} == {"api-lambda", "orphan", "web-instances"}
    assert all("listener:" + HTTPS_443 in e.via for e in out)
    assert {e.severity for e in out} == {"medium"}
    assert out[0].style.border == SEVERITY_STYLES["medium"].border
    # the fixed-response rule reaches nothing: its (info) finding goes to the load balancer,
    # and the load balancer's unknown finding is counted, not coloured
    alb = www.node(lb)
    assert alb.findings == {"info": 1, "unknown": 1} and alb.severity == "info"


def test_web_acls_and_certificates_attach(www: DiagramSpec) -> None:
    acl = www.node("waf:" + EDGE_ACL)
    assert acl.severity == "critical" and acl.style == SEVERITY_STYLES["critical"]
    assert any(
        e.src == acl.id and e.dst == "cloudfront:E1MAINDIST" and e.kind == "protects"
        for e in www.edges
    )
    cert = www.node("cert:" + CERT)
    assert any(e.dst == cert.id and e.kind == "serves-certificate" for e in www.edges)
    assert cert.cluster == "region:111111111111:us-east-1"


def test_findings_by_record_and_node_id(www: DiagramSpec) -> None:
    assert www.node("dns:www.example.com").findings == {"low": 1}
    dist = www.node("cloudfront:E1MAINDIST")
    assert dist.severity == "high" and "1 high" in dist.lines


def test_clusters_account_then_region(www: DiagramSpec) -> None:
    clusters = {c.id: c for c in www.clusters}
    assert clusters["account:111111111111"].parent is None
    assert clusters["region:111111111111:us-east-1"].parent == "account:111111111111"
    assert {n.cluster for n in www.nodes} <= set(clusters)


def test_unresolved_nodes_grey_and_dashed() -> None:
    spec = entrypoint_spec(rich(), [], "geo.example.com")
    ext = spec.node("ext:192.0.2.3")
    assert ext.unresolved and ext.cluster == "external"
    assert ext.style.line == "dashed" and ext.style.fill == UNRESOLVED_FILL
    edge = next(e for e in spec.edges if e.dst == ext.id)
    assert edge.style.line == "dashed"
    assert any(c.id == "external" for c in spec.clusters)


def test_entry_that_is_not_a_dns_record_gets_a_hostname_box() -> None:
    spec = entrypoint_spec(rich(), [], "app.example.com")
    host = spec.node("host:app.example.com")
    assert host.kind == "hostname" and host.cluster is None
    assert any(e.src == host.id and e.dst == "cloudfront:E3VPCORIGIN" for e in spec.edges)


def test_node_id_entrypoint_titled_with_its_hostname() -> None:
    spec = entrypoint_spec(rich(), [], "cloudfront:E3VPCORIGIN")
    assert spec.subject in {"app.example.com", "de3vpcorigin.cloudfront.net"}


def test_unknown_entrypoint_is_an_input_error() -> None:
    with pytest.raises(UnknownEntrypointError):
        entrypoint_spec(rich(), [], "nowhere.example.org")


def test_targets_collapse_to_a_count() -> None:
    proj = Projection(rich().graph, max_targets=1)
    proj.run("dns:www.example.com")
    boxes = [b for b in proj.members if b.startswith("targets:")]
    assert len(boxes) == 1 and len(proj.members[boxes[0]]) == 2


def test_cap_collapses_then_leaves_out_then_truncates() -> None:
    spec = entrypoint_spec(rich(), fixed_findings(), "de4context.cloudfront.net", cap=12)
    assert len(spec.nodes) <= 12
    notes = " ".join(spec.notes)
    assert "collapsed" in notes and "certificates left out" in notes and "not drawn" in notes
    more = spec.node("more:")
    assert more.label.startswith("+") and any(e.dst == "more:" for e in spec.edges)
    assert not any(n.kind == "certificate" for n in spec.nodes)


def test_every_rich_entrypoint_within_cap_and_consistent() -> None:
    estate = rich()
    index = FindingIndex.build(estate, fixed_findings())
    for e in entries(estate.graph):
        spec = spec_for_entry(estate, index, e.node, e.hostname)
        ids = [n.id for n in spec.nodes]
        assert len(ids) == len(set(ids)) <= NODE_CAP
        assert all(x.src in ids and x.dst in ids for x in spec.edges)
        assert {n.cluster for n in spec.nodes} - {None} <= {c.id for c in spec.clusters}


def test_json_document(www: DiagramSpec) -> None:
    doc = json.loads(www.dumps())
    assert doc["schema"] == SCHEMA and doc["kind"] == "entrypoint"
    assert [n["id"] for n in doc["nodes"]] == sorted(n["id"] for n in doc["nodes"])
    assert "Snapshot 2026-02-01T12:00:00Z" in doc["footer"]["text"]
    assert doc["footer"]["accounts"] == ["111111111111"]
    legend = {entry["key"] for entry in doc["legend"]}
    assert {"critical", "info", "none", "unresolved", "traffic", "protects"} <= legend
