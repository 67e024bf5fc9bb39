"""The Terraform table: one :class:`~.tf_common.TfType` per ``aws_*`` type (docs/iac.md)."""

from __future__ import annotations

from edgekit.iac import tf_api, tf_cloudfront, tf_edge, tf_elb, tf_misc
from edgekit.iac.tf_common import TfType


def _table() -> dict[str, TfType]:
    table = {
        **tf_cloudfront.TYPES,
        **tf_elb.TYPES,
        **tf_misc.TYPES,
        **tf_api.TYPES,
        **tf_edge.TYPES,
    }
    for name in list(table):  # aws_alb* are the older names of aws_lb*
        if name.startswith("aws_lb"):
            table["aws_alb" + name.removeprefix("aws_lb")] = table[name]
    return table


TRANSLATORS: dict[str, TfType] = _table()
"""Terraform type -> how it becomes a CloudFormation resource."""
