"""One source of truth per proposal variant (issue 12 item 4), and the concrete defects issue 12
lists under "What was seen", each proved fixed on the plan that showed it."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx

from edgekit.graph import TRAFFIC_EDGES, Estate
from edgekit.plan import Proposal, apply, plan
from edgekit.plan.model import Variant
from edgekit.plan.paths import PREFIX_KINDS
from tests.plan.patterns import nlb_to_alb
from tests.plan.snippets import FIXTURES, plans, variants

CREATES = {
    "vpc-origin": "aws_cloudfront_vpc_origin",
    "accelerator": "aws_globalaccelerator_accelerator",
    "lambda-url": "aws_lambda_function_url",
}
"""The Terraform resource a step creates for a new node of the after path."""


def _as_variant(p: Proposal) -> list[Variant]:
    return list(p.variants) or [
        Variant(
            p.variant,
            "",
            p.proposed_path,
            p.removed,
            p.monthly_savings_usd,
            p.usage_unknown,
            p.savings_basis,
            p.hops_saved,
            p.risks,
            p.steps,
        )
    ]


def test_every_variant_is_consistent() -> None:
    """Nodes created in the steps are in the after path; every removed hop resource has a
    destructive step naming it; every priced line names a removed or created resource."""
    for where, result in plans().items():
        est_labels = result.labels
        for p in result.proposals:
            for v in _as_variant(p):
                created = [n for n in v.proposed_path if ":new-" in n or "::new-" in n]
                tf = "\n".join(s.terraform for s in v.steps if s.kind == "change")
                for n in created:
                    resource = CREATES.get(n.partition(":")[0])
                    if resource:
                        assert resource in tf, (where, p.id, v.name, n)
                destructive = "\n".join(
                    f"{s.title}\n{s.cdk}\n{s.terraform}" for s in v.steps if s.kind == "destructive"
                )
                hop_kinds = {"lb", "accelerator", "cloudfront", "apigw", "waf"}
                for n in v.removed:
                    if n.partition(":")[0] in hop_kinds:
                        name = est_labels.get(n, n).split(" (")[0].split(" ")[-1]
                        assert name in destructive, (where, p.id, v.name, n, name)
                for line in v.savings_basis.split(" — ")[0].split("; "):
                    m = re.match(r"(?:ALB|NLB|Classic ELB) (\S+) hours", line)
                    if m:
                        assert any(m.group(1) in est_labels.get(n, n) for n in v.removed), line
                    if "accelerator" in line.lower() and "(added)" in line:
                        assert any(n.startswith("accelerator:new-") for n in v.proposed_path)


def test_the_default_variant_is_the_cheapest_keeping_every_guarantee() -> None:
    for v in variants():
        p = v.proposal
        if not p.variants:
            continue
        keeping = [x for x in p.variants if not x.drops] or list(p.variants)
        best = max(x.monthly_savings_usd for x in keeping)
        chosen = next(x for x in p.variants if x.name == p.variant)
        assert chosen.monthly_savings_usd == best and not (chosen.drops and len(keeping) > 0)
        assert (p.proposed_path, p.removed, p.steps) == (
            chosen.proposed_path,
            chosen.removed,
            chosen.steps,
        )


def test_nlb_to_alb_variants_with_and_without_accelerator() -> None:
    est = Estate.from_snapshot(nlb_to_alb(alb_scheme="internet-facing", elastic_ip=False))
    [p] = [x for x in plan(est).proposals if x.check_id == "redundancy.nlb_to_alb"]
    by = {v.name: v for v in p.variants}
    assert set(by) == {"direct", "accelerator"}
    assert not any(n.startswith("accelerator:") for n in by["direct"].proposed_path)
    assert any(n.startswith("accelerator:new-") for n in by["accelerator"].proposed_path)
    assert "Global Accelerator" not in by["direct"].savings_basis
    assert by["accelerator"].monthly_savings_usd == round(
        by["direct"].monthly_savings_usd - 18.25, 2
    )
    assert p.variant == "direct"  # no Elastic IP: no stated static-IP guarantee; cheaper
    for v in p.variants:
        after = apply(est.graph, [_with_variant(p, v)])
        traffic = nx.DiGraph([(a, b) for a, b, k in after.edges(data="kind") if k in TRAFFIC_EDGES])
        assert nx.has_path(traffic, v.proposed_path[0], v.proposed_path[-1])


def _with_variant(p: Proposal, v: Variant) -> Proposal:
    from dataclasses import replace

    return replace(p, proposed_path=v.proposed_path, removed=v.removed, steps=v.steps)


def test_elastic_ips_make_the_accelerator_the_default() -> None:
    snap = nlb_to_alb(alb_scheme="internet-facing")
    [p] = [
        x for x in plan(Estate.from_snapshot(snap)).proposals if x.check_id.endswith("nlb_to_alb")
    ]
    direct = next(v for v in p.variants if v.name == "direct")
    assert direct.drops and "203.0.113.10" in direct.drops[0]
    assert p.variant == "accelerator"
    internal = plan(Estate.from_snapshot(nlb_to_alb())).proposals
    [q] = [x for x in internal if x.check_id.endswith("nlb_to_alb")]
    assert not q.variants and q.variant == "accelerator"  # an internal ALB needs it


# -- the defects of issue 12 on the sample estate --------------------------------------------
def _sample(check: str) -> list[Proposal]:
    return [p for p in plans()["sample.json.gz"].proposals if p.check_id == f"redundancy.{check}"]


def test_accelerator_and_cdn_keeps_every_existing_alias() -> None:
    [p] = _sample("accelerator_and_cdn")
    code = "\n".join(s.terraform + s.cdk for s in p.steps)
    assert "aliases = []" not in code and "domainNames: []" not in code
    for s in p.steps:
        if '"DistributionConfig.Aliases"' in s.cdk:
            assert "shop.northwind.example" in s.cdk and "shop.northwind.example" in s.terraform
    if not any(s.cdk for s in p.steps if s.kind == "change"):  # no name points at it
        assert "No public record points at the accelerator" in p.steps[0].detail


def test_nlb_to_alb_never_points_a_record_at_an_internal_alb() -> None:
    [p] = _sample("nlb_to_alb")
    titles = [s.title for s in p.steps]
    assert p.variant == "accelerator"  # nw-pay-core is internal: no direct variant
    assert titles[0].startswith("Create an accelerator")
    record = next(s for s in p.steps if s.title.startswith("Point "))
    assert "aws_globalaccelerator_accelerator." in record.terraform
    assert "internal-" not in record.terraform
    assert "Global Accelerator fixed fee (added)" in p.savings_basis
    assert any(n.startswith("accelerator:new-") for n in p.proposed_path)


def test_cdn_chain_keep_step_deletes_nothing_and_origin_ids_are_real() -> None:
    [p] = _sample("cdn_chain")
    inner = p.title.split()[1]
    keep = [s for s in p.steps if s.title.startswith("Keep")]
    retire = [s for s in p.steps if s.kind == "destructive"]
    assert bool(keep) != bool(retire)
    for s in keep:
        assert not s.cdk and not s.terraform
    code = "\n".join(s.terraform for s in p.steps)
    assert "state rm`" not in code.replace("`terraform state rm` would", "")
    assert f'target_origin_id       = "{inner}-' in code and "..." not in code


def test_placeholders_are_filled_from_the_snapshot() -> None:
    [p] = _sample("cdn_before_edge_api")
    code = "\n".join(s.terraform for s in p.steps)
    assert ".execute-api.us-east-1.amazonaws.com" in code and "<region>" not in code


def test_alb_single_lambda_switches_the_distribution_origin() -> None:
    [p] = _sample("alb_single_lambda")
    switch = next(s for s in p.steps if "Switch origin" in s.title)
    assert 'resource "aws_cloudfront_distribution"' in switch.terraform
    assert "origin_access_control_id = aws_cloudfront_origin_access_control." in switch.terraform
    assert "aws_lambda_function_url." in switch.terraform
    assert '"DistributionConfig.Origins.' in switch.cdk


def test_edge_api_hidden_layer_is_a_hop_of_the_current_path() -> None:
    [p] = _sample("cdn_before_edge_api")
    assert p.hidden and p.hidden[0] in p.current_path and p.hidden[0] not in p.proposed_path
    assert p.hops_saved == 1 and p.current_path != p.proposed_path


def test_removed_means_the_same_list_everywhere() -> None:
    from edgekit.plan import formats

    result = plans()["sample.json.gz"]
    md = formats.markdown(result, {})
    for i, p in enumerate(result.proposals, 1):
        row = next(line for line in md.splitlines() if line.startswith(f"| {i} |"))
        assert f"| {len(p.removed)} |" in row
        if p.removed:
            assert f"**Removed:** {len(p.removed)}: " in md


def test_portal_proposals_are_grouped_with_an_order() -> None:
    result = plans()["sample.json.gz"]
    portal = [g for g in result.groups if "nw-portal" in g.resource]
    [g] = portal
    checks = [next(p.check_id for p in result.proposals if p.id == i) for i in g.proposals]
    assert checks == ["redundancy.double_waf", "redundancy.public_alb_behind_cdn"]
    assert g.relation == "order" and "re-create" in g.reason


def test_a_proposal_removing_the_shared_resource_makes_alternatives() -> None:
    from edgekit.plan.groups import groups

    result = plans()["sample.json.gz"]
    [lam] = [p for p in result.proposals if p.check_id.endswith("alb_single_lambda")]
    lb_node = next(n for n in lam.removed if n.startswith("lb:"))
    from dataclasses import replace

    twin = replace(lam, id="double_waf-test", check_id="redundancy.double_waf", removed=())
    [g] = groups([lam, twin])
    assert g.relation == "alternatives" and lb_node.endswith(g.resource)


def test_kinds_table_knows_every_new_prefix() -> None:
    for p in plans()["sample.json.gz"].proposals:
        for n in p.proposed_path:
            if ":new-" in n:
                assert n.partition(":")[0] in PREFIX_KINDS, n


def test_the_sample_plan_document_is_reviewer_ready() -> None:
    """Done when: no placeholder, no raw ARN in the text, no $0.00 for an unknown, regional
    prices (tests/goldens/plan/sample.plan.md is the document)."""
    from edgekit.plan import formats

    result = plans()["sample.json.gz"]
    text, code = [], False
    for line in formats.markdown(result, {}).splitlines():
        if line.strip().startswith("```"):
            code = not code
        elif not code:
            text.append(line)
    prose = "\n".join(text)
    assert "arn:aws" not in prose
    assert not re.search(r"<[a-z][a-z _-]*>|\.\.\.|…", prose)
    for i, p in enumerate(result.proposals, 1):
        row = next(line for line in text if line.startswith(f"| {i} |"))
        cell = row.rstrip(" |").rpartition("| ")[2]
        if p.usage_unknown:
            assert "(unknown)" in cell and not cell.startswith("$0.00"), cell
    assert "(eu-west-1, unconfirmed)" in prose and "(us-east-1)" in prose


def test_the_migration_review_names_the_other_proposals_on_its_resource(tmp_path: Path) -> None:
    from edgekit.report import migration
    from edgekit.report.data import Report

    rep = Report.open(FIXTURES / "sample.json.gz", tmp_path / "run")
    waf = next(p for p in rep.proposals if p["check_id"] == "redundancy.double_waf")
    notes = migration.group_notes(rep, migration.review(rep, str(waf["id"])))
    assert len(notes) == 1 and notes[0].startswith("order: ") and "re-create" in notes[0]
    summary = migration.summary(rep, waf)
    text = summary["monthly savings"]
    assert "eu-west-1" in text
    # the sample publishes metrics: requests are priced; "usage (unknown)" only where none
    assert ("usage (unknown)" in text) == bool(waf["usage_unknown"])
    assert "requests inspected" in str(waf["savings_basis"])
