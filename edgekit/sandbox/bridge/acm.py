"""ACM ``InUseBy`` that follows where a certificate is used (moto 5.2.5 fills it for Classic ELBs).

AWS lists, for each certificate, the ARNs of the resources using it. The bridged certificate
computes the list when it is described, from the same account's moto backends:

* CloudFront distributions whose ``ViewerCertificate.ACMCertificateArn`` is the certificate
  (us-east-1 certificates only, as in AWS);
* ALB / NLB listeners of the certificate's region (default and extra certificates);
* API Gateway custom domain names (REST ``certificateArn`` / ``regionalCertificateArn``, and
  HTTP API domain name configurations), listed by the domain name's ARN;
* what moto itself recorded for Classic ELB listeners (moto also records ALB / NLB *listener*
  ARNs where AWS lists the load balancer: those are dropped, the load balancers are computed).

moto also lists ``SubjectAlternativeNames`` and ``DomainValidationOptions`` of requested
certificates in set order (different on every run); AWS lists the domain name first, then the
other names as requested. The bridged certificate lists the domain name first, then the others
sorted: stable, and right whenever a certificate has at most one other name or they were
requested in order.
"""

from __future__ import annotations

import sys
from typing import Any

from moto.acm import models as acm_models


def _loaded(module: str) -> bool:
    """True when moto's ``module`` was imported (if not, it holds no resources).

    Unloaded modules are skipped, not imported: moto's API Gateway alone takes seconds.
    """
    return module in sys.modules


def _cloudfront(account: str, region: str, arn: str) -> list[str]:
    if region != "us-east-1" or not _loaded("moto.cloudfront.models"):
        return []
    from moto.cloudfront.models import cloudfront_backends

    found = []
    for distribution in cloudfront_backends[account]["aws"].distributions.values():
        viewer = getattr(distribution.distribution_config, "ViewerCertificate", None)
        if isinstance(viewer, dict) and viewer.get("ACMCertificateArn") == arn:
            found.append(str(distribution.arn))
    return found


def _load_balancers(account: str, region: str, arn: str) -> list[str]:
    if not _loaded("moto.elbv2.models"):
        return []
    from moto.elbv2.models import elbv2_backends

    return [
        str(balancer.arn)
        for balancer in elbv2_backends[account][region].load_balancers.values()
        if any(arn in (listener.certificates or []) for listener in balancer.listeners.values())
    ]


def _api_domains(account: str, region: str, arn: str) -> list[str]:
    found: list[str] = []
    if _loaded("moto.apigateway.models"):
        from moto.apigateway.models import apigateway_backends

        found.extend(
            f"arn:aws:apigateway:{region}::/domainnames/{name}"
            for name, domain in apigateway_backends[account][region].domain_names.items()
            if arn in (domain.certificate_arn, domain.regional_certificate_arn)
        )
    if not _loaded("moto.apigatewayv2.models"):
        return found
    from moto.apigatewayv2.models import apigatewayv2_backends

    for domain in apigatewayv2_backends[account][region].domain_names.values():
        configs = domain.domain_name_configurations or []
        if any(c.get("CertificateArn") == arn for c in configs):
            found.append(str(domain.domain_name_arn))
    return found


def in_use_by(arn: str, recorded: list[str]) -> list[str]:
    """Every resource using the certificate ``arn`` (sorted, without duplicates)."""
    parts = arn.split(":")
    region, account = parts[3], parts[4]
    users = {user for user in recorded if ":listener/" not in user}
    users.update(_cloudfront(account, region, arn))
    users.update(_load_balancers(account, region, arn))
    users.update(_api_domains(account, region, arn))
    return sorted(users)


class BridgedCertBundle(acm_models.CertBundle):
    """A certificate whose ``InUseBy`` lists the resources using it."""

    def describe(self) -> dict[str, Any]:
        """DescribeCertificate's structure, ``InUseBy`` computed."""
        result: dict[str, Any] = super().describe()
        certificate = result["Certificate"]
        certificate["InUseBy"] = in_use_by(self.arn, list(self.in_use_by))
        first = certificate.get("DomainName")

        def order(name: str) -> tuple[bool, str]:
            return (name != first, name)

        certificate["SubjectAlternativeNames"] = sorted(
            certificate.get("SubjectAlternativeNames") or [], key=order
        )
        if "DomainValidationOptions" in certificate:
            certificate["DomainValidationOptions"] = sorted(
                certificate["DomainValidationOptions"], key=lambda o: order(o["DomainName"])
            )
        return result
