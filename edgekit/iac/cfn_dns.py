"""Route 53 HostedZone / RecordSet / RecordSetGroup and ACM Certificate."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from edgekit.iac.apishape import Pending
from edgekit.iac.estate import Estate, Resource, token
from edgekit.iac.intrinsics import Unknown
from edgekit.iac.translate import Translator, api, known

R = "route53"


def _fqdn(name: str) -> str:
    return name if name.endswith(".") else f"{name}."


def _zone(estate: Estate, res: Resource, zone_id: str, name: str, private: bool) -> dict[str, Any]:
    zones = estate.unit(res.account, "global", R).setdefault("hosted_zones", [])
    for z in zones:
        if z["HostedZone"]["Id"].removeprefix("/hostedzone/") == zone_id.removeprefix(
            "/hostedzone/"
        ) or (name and z["HostedZone"]["Name"] == _fqdn(name)):
            return dict(z)
    zone = {
        "HostedZone": {
            "Id": f"/hostedzone/{zone_id.removeprefix('/hostedzone/')}",
            "Name": _fqdn(name),
            "CallerReference": zone_id,
            "Config": {"PrivateZone": private},
            "ResourceRecordSetCount": 0,
        },
        "ResourceRecordSets": [],
    }
    zones.append(zone)
    return zone


def hosted_zone(res: Resource, estate: Estate) -> None:
    """AWS::Route53::HostedZone -> ``hosted_zones`` item with its SOA/NS left out (deploy-time)."""
    name = known(estate, res, R, "Name") or ""
    zone = _zone(estate, res, res.ident["Id"], str(name), bool(res.props.get("VPCs")))
    zone["HostedZone"]["Config"]["Comment"] = str(
        (res.props.get("HostedZoneConfig") or {}).get("Comment", "")
    )
    _tag(zone, res)


def _tag(item: dict[str, Any], res: Resource, props: Any = None) -> None:
    item["_iac"] = res.side(props)


def _record(res: Resource, estate: Estate, raw: dict[str, Any], where: str) -> dict[str, Any]:
    rec = dict(raw)
    values = rec.pop("ResourceRecords", None)
    if isinstance(values, list):
        rec["ResourceRecords"] = [{"Value": str(v)} for v in values]
    alias = rec.get("AliasTarget")
    if isinstance(alias, dict):
        rec["AliasTarget"] = {"EvaluateTargetHealth": False, **alias}
    out: dict[str, Any] = api(estate, res, R, rec, R, "ResourceRecordSet", where)
    if "Name" in out:
        out["Name"] = _fqdn(out["Name"]).replace("*", "\\052")
    return out


def _place(res: Resource, estate: Estate, records: list[dict[str, Any]], props: dict[str, Any]):  # type: ignore[no-untyped-def]
    zone_id = props.get("HostedZoneId")
    zone_name = props.get("HostedZoneName")

    def attach() -> None:
        ident = zone_id if isinstance(zone_id, str) else ""
        name = zone_name if isinstance(zone_name, str) else ""
        if not ident and not name:
            estate.notes.append(f"{res.origin.logical_id}: hosted zone only known at deploy time")
            return
        if not ident:
            ident = "Z" + token(res.account, _fqdn(name), length=20).upper()
        zone = _zone(estate, res, ident, name or "", False)
        if "_iac" not in zone:  # a zone the IaC does not define: only its own records are known
            zone["_iac"] = {**res.origin.to_json(), "partial_zone": "true"}
        zone["ResourceRecordSets"].extend(records)
        zone["HostedZone"]["ResourceRecordSetCount"] = len(zone["ResourceRecordSets"])

    estate.later(attach)


def record_set(res: Resource, estate: Estate) -> None:
    """AWS::Route53::RecordSet -> a record of its zone's ``ResourceRecordSets``."""
    rec = _record(res, estate, res.props, "")
    _tag(rec, res)
    _place(res, estate, [rec], res.props)


def record_set_group(res: Resource, estate: Estate) -> None:
    """AWS::Route53::RecordSetGroup -> records of its zone."""
    raw = known(estate, res, R, "RecordSets", []) or []
    records = [_record(res, estate, r, f".RecordSets[{i}]") for i, r in enumerate(raw)]
    for r, props in zip(records, raw, strict=True):
        _tag(r, res, props)
    _place(res, estate, records, res.props)


def certificate(res: Resource, estate: Estate) -> None:
    """AWS::CertificateManager::Certificate -> ``certificates`` item (status: deploy-time)."""
    domain = res.props.get("DomainName", "")
    sans = [s for s in (known(estate, res, "acm", "SubjectAlternativeNames", []) or []) if s]
    detail = {
        "CertificateArn": res.ident["Ref"],
        "DomainName": domain,
        "SubjectAlternativeNames": [domain, *[s for s in sans if s != domain]],
        "Type": "AMAZON_ISSUED",
        "KeyAlgorithm": res.props.get("KeyAlgorithm", "RSA_2048"),
        "RenewalEligibility": "ELIGIBLE",
    }
    cert = api(estate, res, "acm", detail, "acm", "CertificateDetail", "")
    pref = res.props.get("CertificateTransparencyLoggingPreference", "ENABLED")
    ct = {"CertificateTransparencyLoggingPreference": pref}
    cert["Options"] = api(estate, res, "acm", ct, "acm", "CertificateOptions", "")
    validation = _validation(res, estate, [domain, *sans])
    if validation is not None:
        cert["DomainValidationOptions"] = validation
    item = {"Certificate": cert}
    estate.add(res, res.region, "acm", "certificates", item)


def _validation(res: Resource, estate: Estate, names: list[Any]) -> Pending | None:
    """ACM's DNS validation records exist only once it issues the certificate. When the
    template names a hosted zone for every domain, CloudFormation creates them (nothing to
    check); otherwise they are a deploy-time value, tried with and without a record the zone
    lacks (so tls.cert_renewal_at_risk says unknown, never pass)."""
    if str(res.props.get("ValidationMethod", "")).upper() != "DNS":
        return None
    zones = {
        str(o.get("DomainName"))
        for o in res.props.get("DomainValidationOptions") or []
        if isinstance(o, dict) and o.get("HostedZoneId")
    }
    domains = [n for n in dict.fromkeys(names) if isinstance(n, str) and n]
    if not domains or set(domains) <= zones:
        return None
    unknown = Unknown("DNS validation records are issued by ACM at deploy time")
    estate.unresolved(res, ".DomainValidationOptions", unknown, "acm")
    probe = [
        {
            "DomainName": d,
            "ValidationMethod": "DNS",
            "ValidationStatus": "PENDING_VALIDATION",
            "ResourceRecord": {
                "Name": f"_unresolved.{d}.",
                "Type": "CNAME",
                "Value": "_unresolved.acm-validations.aws.",
            },
        }
        for d in domains
    ]
    return Pending(unknown, [probe], absent=True, prop="DomainValidationOptions")


def bucket_policy_document(value: Any) -> str | None:
    """A policy document (object or JSON text) as the JSON text GetBucketPolicy returns."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True)
    return None


TRANSLATORS: dict[str, Translator] = {
    "AWS::Route53::HostedZone": hosted_zone,
    "AWS::Route53::RecordSet": record_set,
    "AWS::Route53::RecordSetGroup": record_set_group,
    "AWS::CertificateManager::Certificate": certificate,
}


def _certificate_users(
    unit: tuple[str, str, str], data: dict[str, Any]
) -> Iterator[tuple[Any, str]]:
    """(certificate ARN, the ARN ACM lists in ``InUseBy``) of one payload's items."""
    account, region, collector = unit
    if collector == "cloudfront":
        for item in data.get("distributions") or []:
            dist = item.get("Distribution") or {}
            viewer = (dist.get("DistributionConfig") or {}).get("ViewerCertificate") or {}
            yield viewer.get("ACMCertificateArn"), str(dist.get("ARN"))
    elif collector == "elbv2":
        for item in data.get("load_balancers") or []:
            for entry in item.get("Listeners") or []:
                for cert in entry.get("Certificates") or []:
                    yield cert.get("CertificateArn"), item["LoadBalancer"]["LoadBalancerArn"]
    elif collector == "elb":
        for item in data.get("load_balancers") or []:
            desc = item.get("LoadBalancerDescription") or {}
            for li in desc.get("ListenerDescriptions") or []:
                cert = (li.get("Listener") or {}).get("SSLCertificateId")
                yield (
                    cert,
                    f"arn:{_partition(cert)}:elasticloadbalancing:{region}:{account}:"
                    f"loadbalancer/{desc.get('LoadBalancerName')}",
                )
    elif collector in ("apigateway", "apigatewayv2"):
        for item in data.get("domain_names") or []:
            domain = item.get("DomainName") or {}
            name = domain.get("domainName") or domain.get("DomainName")
            certs = [domain.get("certificateArn"), domain.get("regionalCertificateArn")]
            certs += [c.get("CertificateArn") for c in domain.get("DomainNameConfigurations") or []]
            for cert in certs:
                yield cert, f"arn:{_partition(cert)}:apigateway:{region}::/domainnames/{name}"


def _partition(arn: Any) -> str:
    parts = arn.split(":") if isinstance(arn, str) else []
    return parts[1] if len(parts) > 1 and parts[1] else "aws"


def finish_certificates(estate: Estate) -> None:
    """Each certificate's ``InUseBy``: the resources of the set that use it, as ACM lists
    them once they are deployed (left out when none does: ACM's own list then decides)."""
    users: dict[str, set[str]] = {}
    for unit, data in estate.data.items():
        for cert_arn, user in _certificate_users(unit, data):
            if isinstance(cert_arn, str) and cert_arn:
                users.setdefault(cert_arn, set()).add(user)
    for (_a, _r, collector), data in estate.data.items():
        if collector != "acm":
            continue
        for item in data.get("certificates") or []:
            cert = item.get("Certificate") or {}
            found = users.get(cert.get("CertificateArn", ""))
            if found:
                cert["InUseBy"] = sorted(found)
