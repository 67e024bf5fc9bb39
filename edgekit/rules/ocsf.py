"""Findings as OCSF 1.x Detection Finding events (class 2004), built with ``py-ocsf-models``.

One event per finding, ``activity_id`` Create (``type_uid`` 200401). The event's time is the
snapshot's collection time (never the wall clock), so the output is byte-stable. The finding's
identity (:func:`~edgekit.rules.findingid.finding_uid`) is ``metadata.uid`` and
``finding_info.uid``. An **unknown** finding (the data the check needs was not collected) keeps
the check's severity and says ``unknown`` in ``status_detail`` and ``unmapped.edgekit.status``:
a consumer must not read it as a pass. Evidence (AWS data) travels as JSON values inside
``unmapped.edgekit.evidence``, never as keys of the event.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from py_ocsf_models import OCSF_VERSION
from py_ocsf_models.events.findings.activity_id import ActivityID
from py_ocsf_models.events.findings.detection_finding import DetectionFinding
from py_ocsf_models.events.findings.detection_finding_type_id import DetectionFindingTypeID
from py_ocsf_models.events.findings.severity_id import SeverityID
from py_ocsf_models.events.findings.status_id import StatusID
from py_ocsf_models.objects.account import Account, TypeID
from py_ocsf_models.objects.analytic import Analytic
from py_ocsf_models.objects.cloud import Cloud
from py_ocsf_models.objects.finding_info import FindingInformation
from py_ocsf_models.objects.metadata import Metadata
from py_ocsf_models.objects.product import Product
from py_ocsf_models.objects.remediation import Remediation
from py_ocsf_models.objects.resource_details import ResourceDetails

from edgekit import __version__
from edgekit.rules.finding import Finding, Severity, Status
from edgekit.rules.findingid import finding_uid, parse_time

OCSF_SCHEMA_VERSION = OCSF_VERSION
"""The OCSF schema version of the events (the one ``py-ocsf-models`` implements)."""

ANALYTIC_RULE = 1
"""OCSF ``analytic.type_id`` Rule."""

SEVERITY_ID: Mapping[Severity, SeverityID] = {
    Severity.INFO: SeverityID.Informational,
    Severity.LOW: SeverityID.Low,
    Severity.MEDIUM: SeverityID.Medium,
    Severity.HIGH: SeverityID.High,
    Severity.CRITICAL: SeverityID.Critical,
}

_PRODUCT = Product(name="edgekit", vendor_name="edgekit", version=__version__)


def detection_finding(
    f: Finding, collected_at: str, partition: str, requirements: Sequence[str] = ()
) -> DetectionFinding:
    """The OCSF Detection Finding of one finding (validated by the model on construction).

    ``requirements`` are compliance requirement ids the check evidences (e.g. ``PCI DSS
    v4.0 4.2.1``); they are recorded as ``finding_info.types`` entries after the category.
    """
    millis = int(parse_time(collected_at).timestamp() * 1000)
    uid = finding_uid(f)
    unknown = f.status is Status.UNKNOWN
    return DetectionFinding(
        metadata=Metadata(
            uid=uid,
            event_code=f.check_id,
            product=_PRODUCT,
            profiles=["cloud"],
            version=OCSF_SCHEMA_VERSION,
        ),
        time=millis,
        activity_id=ActivityID.Create,
        activity_name=ActivityID.Create.name,
        type_uid=DetectionFindingTypeID.Create,
        type_name="Detection Finding: Create",
        severity_id=SEVERITY_ID[f.severity],
        severity=SEVERITY_ID[f.severity].name,
        status_id=StatusID.New,
        status=StatusID.New.name,
        status_detail=(
            f"unknown: the data this check needs was not collected. {f.message}"
            if unknown
            else f"fail: {f.message}"
        ),
        message=f.message,
        finding_info=FindingInformation(
            uid=uid,
            title=f.title,
            desc=f.message,
            types=[f.category, *requirements],
            created_time=millis,
            analytic=Analytic(uid=f.check_id, name=f.check_id, type_id=ANALYTIC_RULE, type="Rule"),
        ),
        cloud=Cloud(
            provider="AWS",
            region=f.resource.region,
            account=Account(
                uid=f.resource.account_id,
                name=f.resource.account_id,
                type_id=TypeID.AWS_Account,
                type="AWS Account",
            ),
        ),
        resources=[
            ResourceDetails(
                uid=f.resource.id,
                name=f.resource.id,
                type=f.resource.type,
                region=f.resource.region,
                cloud_partition=partition,
            )
        ],
        remediation=Remediation(desc=f.remediation),
        unmapped={
            "edgekit": {
                "check_id": f.check_id,
                "status": f.status.value,
                "evidence": dict(f.evidence),
            }
        },
    )


def to_ocsf(
    findings: Sequence[Finding],
    snapshot_meta: Mapping[str, Any],
    requirements: Mapping[str, Sequence[str]] | None = None,
) -> list[dict[str, Any]]:
    """The findings as OCSF Detection Finding events (JSON-ready dicts, ``None`` omitted).

    ``requirements`` maps a check id to the compliance requirement ids it evidences.
    """
    collected_at = str(snapshot_meta.get("collected_at") or "")
    partition = str(snapshot_meta.get("partition") or "aws")
    reqs = requirements or {}
    return [
        detection_finding(f, collected_at, partition, reqs.get(f.check_id, ())).model_dump(
            mode="json", exclude_none=True
        )
        for f in findings
    ]
