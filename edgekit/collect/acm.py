"""ACM collector (regional, plus the partition's global region for CloudFront certificates).

Payload ``data`` (absent key = not collected):

* ``certificates``: ``[{"Certificate": DescribeCertificate.Certificate}]`` for every certificate
  of the region, of every key type (ListCertificates returns only RSA_2048 certificates unless
  asked for the others). When DescribeCertificate is denied the item is
  ``{"CertificateSummary": ListCertificates item}`` instead; a certificate deleted during
  collection is left out.
"""

from __future__ import annotations

from typing import Any

from edgekit.collect.base import CollectorSpec, Outcome, UnitContext

ACTIONS = (
    "acm:ListCertificates",
    "acm:DescribeCertificate",
)

CERT_GONE = ("ResourceNotFoundException",)

PAGE = {"PageSize": 1000}
"""ListCertificates' largest page (fewest calls)."""


def key_types(acm: Any) -> list[str]:
    """Every key algorithm the ListCertificates ``Includes.keyTypes`` filter accepts.

    Read from botocore's service model, so new key types are picked up with botocore.
    """
    op = acm.meta.service_model.operation_model("ListCertificates")
    enum: list[str] = op.input_shape.members["Includes"].members["keyTypes"].member.enum
    return list(enum)


def collect(ctx: UnitContext) -> dict[str, Any]:
    """Collect every ACM certificate of the unit's region."""
    acm = ctx.client("acm")
    summaries = ctx.paginate(
        acm,
        "list_certificates",
        "CertificateSummaryList",
        Includes={"keyTypes": key_types(acm)},
        PaginationConfig=PAGE,
    )
    if isinstance(summaries, Outcome):
        return {}
    return {"certificates": [e for s in summaries if (e := _certificate(ctx, acm, s)) is not None]}


def _certificate(ctx: UnitContext, acm: Any, summary: dict[str, Any]) -> dict[str, Any] | None:
    got = ctx.call(
        acm, "describe_certificate", not_found=CERT_GONE, CertificateArn=summary["CertificateArn"]
    )
    if got is Outcome.NOT_FOUND:
        return None
    if isinstance(got, Outcome):
        return {"CertificateSummary": summary}
    return {"Certificate": got["Certificate"]}


SPEC = CollectorSpec(
    id="acm",
    service="acm",
    scope="regional",
    extra_global_region=True,
    actions=ACTIONS,
    collect=collect,
    description="ACM certificates (all key types), including us-east-1 for CloudFront",
)
