"""Load balancers: ELBv2 LoadBalancer / Listener / ListenerRule / TargetGroup, Classic ELB."""

from __future__ import annotations

from typing import Any

from edgekit.iac.apishape import Pending
from edgekit.iac.estate import Estate, Resource
from edgekit.iac.intrinsics import Unknown
from edgekit.iac.translate import Translator, api, cfn_tags, known

E = "elbv2"


def _attributes(res: Resource, estate: Estate, prop: str) -> list[dict[str, Any]]:
    """Attributes as DescribeLoadBalancerAttributes lists them; a value only known at deploy
    time is Pending (``true``/``false`` for a switch, "some value" otherwise)."""
    raw = known(estate, res, E, prop, []) or []
    out: list[dict[str, Any]] = []
    for a in raw:
        if not isinstance(a, dict) or "Key" not in a:
            continue
        key, value = str(a["Key"]), a.get("Value")
        if isinstance(value, Unknown):
            estate.unresolved(res, f".{prop}[{key}]", value, E)
            switch = key.endswith(".enabled")
            value = Pending(value, ["true", "false"] if switch else [], text=not switch, prop=key)
        elif isinstance(value, (str, bool, int)):
            value = str(value).lower()
        else:
            continue
        out.append({"Key": key, "Value": value})
    return out


def load_balancer(res: Resource, estate: Estate) -> None:
    """AWS::ElasticLoadBalancingV2::LoadBalancer -> ``load_balancers`` item."""
    lb_type = res.props.get("Type", "application")  # an Unknown stays Pending (settle)
    subnets = known(estate, res, E, "Subnets", None)
    if subnets is None:
        mappings = known(estate, res, E, "SubnetMappings", []) or []
        subnets = [m.get("SubnetId") for m in mappings if isinstance(m, dict)]
    body = {
        "LoadBalancerArn": res.ident["LoadBalancerArn"],
        "DNSName": res.ident["DNSName"],
        "CanonicalHostedZoneId": res.ident["CanonicalHostedZoneID"],
        "CreatedTime": estate.timestamp,
        "LoadBalancerName": res.ident["LoadBalancerName"],
        "Scheme": res.props.get("Scheme", "internet-facing"),
        "State": {"Code": "active"},
        "Type": lb_type,
        "IpAddressType": res.props.get("IpAddressType", "ipv4"),
        # ELBv2 takes one subnet per zone, so each subnet is a distinct zone; which zone is only
        # known at deploy time: a reserved placeholder name per subnet.
        "AvailabilityZones": [
            {"ZoneName": f"zone-of-{s}.iac.invalid", "SubnetId": s}
            for s in subnets
            if isinstance(s, str)
        ],
    }
    if lb_type != "network" or "SecurityGroups" in res.props:
        body["SecurityGroups"] = known(estate, res, E, "SecurityGroups", []) or []
    lb = api(estate, res, E, body, E, "LoadBalancer", "")
    item = {
        "LoadBalancer": lb,
        "Attributes": _attributes(res, estate, "LoadBalancerAttributes"),
        "Tags": cfn_tags(res, res.props.get("Tags")),
        "Listeners": [],
    }
    estate.add(res, res.region, E, "load_balancers", item)
    estate.unit(res.account, res.region, E).setdefault("target_groups", [])


def listener(res: Resource, estate: Estate) -> None:
    """AWS::ElasticLoadBalancingV2::Listener -> an entry of its load balancer's ``Listeners``."""
    lb_arn = known(estate, res, E, "LoadBalancerArn")
    body = {**res.props, "ListenerArn": res.ident["ListenerArn"]}
    body.pop("Certificates", None)
    entry_certs = known(estate, res, E, "Certificates", []) or []
    lis = api(estate, res, E, body, E, "Listener", "")
    if entry_certs:
        lis["Certificates"] = [{"CertificateArn": entry_certs[0].get("CertificateArn")}]
    default_rule = {
        "RuleArn": res.ident["ListenerArn"].replace(":listener/", ":listener-rule/") + "/default",
        "Priority": "default",
        "Conditions": [],
        "Actions": lis.get("DefaultActions", []),
        "IsDefault": True,
    }
    certs = [
        {"CertificateArn": c.get("CertificateArn"), "IsDefault": True} for c in entry_certs[:1]
    ]
    entry = {"Listener": lis, "Rules": [default_rule], "Certificates": certs}
    entry["_iac"] = res.side()

    def attach() -> None:
        for item in estate.items(res.account, res.region, E, "load_balancers"):
            if item["LoadBalancer"].get("LoadBalancerArn") == lb_arn:
                item["Listeners"].append(entry)
                return
        estate.notes.append(f"{res.origin.logical_id}: load balancer {lb_arn} not in the IaC set")

    estate.later(attach)
    estate.unit(res.account, res.region, E).setdefault("_listeners", {})[
        res.ident["ListenerArn"]
    ] = entry


def _extra_certificates(res: Resource, estate: Estate) -> None:
    arn = known(estate, res, E, "ListenerArn")
    certs = known(estate, res, E, "Certificates", []) or []

    def attach() -> None:
        entry = estate.unit(res.account, res.region, E).get("_listeners", {}).get(arn)
        if entry is not None:
            entry["Certificates"] += [
                {"CertificateArn": c["CertificateArn"], "IsDefault": False}
                for c in certs
                if isinstance(c, dict) and isinstance(c.get("CertificateArn"), str)
            ]

    estate.later(attach)


def listener_rule(res: Resource, estate: Estate) -> None:
    """AWS::ElasticLoadBalancingV2::ListenerRule -> a rule of its listener."""
    arn = known(estate, res, E, "ListenerArn")
    body = {**res.props, "RuleArn": res.ident["RuleArn"], "IsDefault": False}
    rule = api(estate, res, E, body, E, "Rule", "")
    rule["_iac"] = res.side()

    def attach() -> None:
        entry = estate.unit(res.account, res.region, E).get("_listeners", {}).get(arn)
        if entry is None:
            estate.notes.append(f"{res.origin.logical_id}: listener {arn} not in the IaC set")
            return
        rules = [*entry["Rules"][:-1], rule]
        rules.sort(key=_priority)
        entry["Rules"] = [*rules, entry["Rules"][-1]]

    estate.later(attach)


def _priority(rule: dict[str, Any]) -> int:
    """Evaluation order; a priority only known at deploy time sorts last."""
    value = rule.get("Priority", "0")
    return int(value) if isinstance(value, str) and value.isdigit() else 50001


def target_group(res: Resource, estate: Estate) -> None:
    """AWS::ElasticLoadBalancingV2::TargetGroup -> ``target_groups`` item."""
    target_type = res.props.get("TargetType", "instance")
    body = {
        "HealthCheckEnabled": True,
        **res.props,
        "TargetGroupArn": res.ident["TargetGroupArn"],
        "TargetGroupName": res.ident["TargetGroupName"],
        "TargetType": target_type,
    }
    tg = api(estate, res, E, body, E, "TargetGroup", "")
    targets = known(estate, res, E, "Targets", []) or []
    health = [
        {"Target": api(estate, res, E, t, E, "TargetDescription", ".Targets")} for t in targets
    ]
    item = {
        "TargetGroup": tg,
        "Attributes": _attributes(res, estate, "TargetGroupAttributes"),
        "TargetHealthDescriptions": health,
    }
    estate.add(res, res.region, E, "target_groups", item)
    estate.unit(res.account, res.region, E).setdefault("load_balancers", [])


def finish_elbv2(estate: Estate) -> None:
    """Drop the listener index and fill target groups' ``LoadBalancerArns`` (secrets are
    redacted afterwards, with every other secret field, by :func:`.build.import_iac`)."""
    for (_account, _region, collector), data in estate.data.items():
        if collector != E:
            continue
        data.pop("_listeners", None)
        users: dict[str, set[str]] = {}
        for lb in data.get("load_balancers", []):
            for entry in lb["Listeners"]:
                for rule in entry["Rules"]:
                    for arn in _forwarded(rule.get("Actions", [])):
                        users.setdefault(arn, set()).add(lb["LoadBalancer"]["LoadBalancerArn"])
        for tg in data.get("target_groups", []):
            arn = tg["TargetGroup"]["TargetGroupArn"]
            tg["TargetGroup"]["LoadBalancerArns"] = sorted(users.get(arn, set()))


def _forwarded(actions: list[dict[str, Any]]) -> list[str]:
    out = [a["TargetGroupArn"] for a in actions if "TargetGroupArn" in a]
    for a in actions:
        out += [t["TargetGroupArn"] for t in (a.get("ForwardConfig") or {}).get("TargetGroups", [])]
    return out


TRANSLATORS: dict[str, Translator] = {
    "AWS::ElasticLoadBalancingV2::LoadBalancer": load_balancer,
    "AWS::ElasticLoadBalancingV2::Listener": listener,
    "AWS::ElasticLoadBalancingV2::ListenerCertificate": _extra_certificates,
    "AWS::ElasticLoadBalancingV2::ListenerRule": listener_rule,
    "AWS::ElasticLoadBalancingV2::TargetGroup": target_group,
}
