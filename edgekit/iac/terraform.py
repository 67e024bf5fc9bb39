"""Terraform ``terraform show -json`` documents (plan or state) -> the estate."""

from __future__ import annotations

from edgekit.errors import InputError
from edgekit.iac.estate import Estate
from edgekit.iac.sources import TerraformDoc


def import_terraform(doc: TerraformDoc, estate: Estate, *, account: str, region: str) -> None:
    """Translate the ``aws_*`` resources of one document.

    Not implemented yet: a Terraform document is refused (exit 2, nothing written) rather than
    silently skipped, so a partial estate is never mistaken for the whole.
    """
    raise InputError(f"{doc.path}: Terraform input is not supported yet (CloudFormation only)")
