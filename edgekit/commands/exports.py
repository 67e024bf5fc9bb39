"""Security Hub (ASFF) and OCSF renderings of scan findings, for ``edgekit scan --format``."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from edgekit.errors import InputError
from edgekit.rules.finding import Finding

EXPORT_FORMATS = ("ocsf", "asff")


def export_text(fmt: str, findings: Sequence[Finding], snapshot_meta: Mapping[str, Any]) -> str:
    """The findings as an OCSF event array or an ASFF ``Findings`` array (sorted JSON)."""
    from edgekit.aws.partitions import global_api_region
    from edgekit.rules.catalogue import load
    from edgekit.rules.compliance import requirements_by_check

    reqs = requirements_by_check(load())
    try:
        if fmt == "ocsf":
            from edgekit.rules.ocsf import to_ocsf

            docs = to_ocsf(findings, snapshot_meta, reqs)
        else:
            from edgekit.rules.asff import to_asff

            partition = str(snapshot_meta.get("partition") or "aws")
            docs = to_asff(findings, snapshot_meta, global_api_region(partition), reqs)
    except ValueError as err:
        raise InputError(f"--format {fmt}: {err}") from None
    return json.dumps(docs, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
