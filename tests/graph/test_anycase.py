"""Finding a node by a name typed in another case (:mod:`edgekit.graph.anycase`): ids AWS
spells in upper case are taken in any case when only one name is spelled so; several such
names, an ambiguous exact name and an empty value raise."""

from __future__ import annotations

import pytest

from edgekit.graph import nodes as n
from edgekit.graph.anycase import resolve_any_case, spellings
from edgekit.graph.nodes import NodeKind
from edgekit.graph.reach import EntrypointIndex, UnknownEntrypointError
from tests.graph.test_reach import ACL_ARN, LB_ARN, estate_graph

FN_ARN = "arn:aws:lambda:us-east-1:111111111111:function:NwOrders"


@pytest.mark.parametrize(
    ("value", "node"),
    [
        ("e1", n.distribution_id("E1")),  # a distribution id
        ("cloudfront:e1", n.distribution_id("E1")),  # its node id
        ("arn:aws:cloudfront::111111111111:distribution/e1", n.distribution_id("E1")),
        ("nworders", n.lambda_id(FN_ARN)),  # a function name AWS keeps as given
        ("WEB", n.lb_id(LB_ARN)),  # load balancer and target group "web": the load balancer
        ("Edge", n.web_acl_id(ACL_ARN)),
        ("WWW.Example.COM", n.dns_id("www.example.com")),
    ],
)
def test_a_name_in_another_case_resolves(value: str, node: str) -> None:
    g = estate_graph()
    n.add_node(g, n.lambda_id(FN_ARN), NodeKind.LAMBDA_FUNCTION, "NwOrders", name="NwOrders")
    assert resolve_any_case(g, EntrypointIndex.build(g), value) == node


def test_the_exact_spelling_wins_and_several_spellings_raise() -> None:
    g = estate_graph()
    n.add_node(g, "lambda:Twin", NodeKind.LAMBDA_FUNCTION, "Twin", name="Twin")
    n.add_node(g, "waf:TWIN", NodeKind.WEB_ACL, "TWIN", name="TWIN")
    index = EntrypointIndex.build(g)
    assert resolve_any_case(g, index, "Twin") == "lambda:Twin"
    assert resolve_any_case(g, index, "TWIN") == "waf:TWIN"
    assert spellings(g, index, "twin") == ["TWIN", "Twin"]
    with pytest.raises(UnknownEntrypointError) as err:
        resolve_any_case(g, index, "twin", what="resource")
    assert str(err.value) == (
        "resource 'twin' matches several names in other cases: TWIN, Twin (give one as spelled)"
    )
    # a lower-case name is found by the resolver itself, typed in any case (as before)
    n.add_node(g, n.s3_id("twin"), NodeKind.S3_BUCKET, "twin", name="twin")
    assert resolve_any_case(g, EntrypointIndex.build(g), "twin") == n.s3_id("twin")


def test_an_ambiguous_exact_name_keeps_the_resolvers_error() -> None:
    g = estate_graph()
    n.add_node(g, n.s3_id("twin"), NodeKind.S3_BUCKET, "twin", name="twin")
    n.add_node(g, "s3:twin-2", NodeKind.S3_BUCKET, "twin", name="twin")
    n.add_node(g, "lambda:Twin", NodeKind.LAMBDA_FUNCTION, "Twin", name="Twin")
    with pytest.raises(UnknownEntrypointError, match="names several resources: s3:twin, s3:twin-2"):
        resolve_any_case(g, EntrypointIndex.build(g), "twin", what="resource")


def test_unknown_and_empty_values_raise() -> None:
    g = estate_graph()
    index = EntrypointIndex.build(g)
    with pytest.raises(UnknownEntrypointError, match=r"^unknown entrypoint 'wbe': .*did you mean"):
        resolve_any_case(g, index, "wbe")
    for value in ("", "   "):
        with pytest.raises(UnknownEntrypointError, match=f"^empty resource {value!r}: give a "):
            resolve_any_case(g, index, value, what="resource")
