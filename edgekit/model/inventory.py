"""The Inventory: every parsed resource, by kind (:class:`~edgekit.model.resources.Resources`),
with coverage, and one lookup object per area over one index (:mod:`edgekit.model.lookups`)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from edgekit.model.acm.lookups import AcmLookups
from edgekit.model.apigateway.lookups import ApiGatewayLookups
from edgekit.model.cloudfront.lookups import CloudFrontLookups
from edgekit.model.ec2.lookups import Ec2Lookups
from edgekit.model.elb.lookups import ElbLookups
from edgekit.model.elbv2.lookups import Elbv2Lookups
from edgekit.model.globalaccelerator.lookups import GlobalAcceleratorLookups
from edgekit.model.index import Index
from edgekit.model.lambda_.lookups import LambdaLookups
from edgekit.model.lookups import Area
from edgekit.model.registry import KIND_SOURCES
from edgekit.model.resources import Resources
from edgekit.model.route53.lookups import Route53Lookups
from edgekit.model.s3.lookups import S3Lookups
from edgekit.model.shield.lookups import ShieldLookups
from edgekit.model.wafv2.lookups import WafLookups


@dataclass(frozen=True, slots=True)
class Inventory(Resources):
    """Every resource of a snapshot, as frozen model objects, plus :class:`Coverage`, and the
    lookups by area: ``inv.cloudfront``, ``inv.waf`` (WAFv2 and Classic), ``inv.elbv2``,
    ``inv.elb``, ``inv.route53``, ``inv.acm``, ``inv.ec2``, ``inv.s3``, ``inv.apigateway`` (v1
    and v2), ``inv.lambda_``, ``inv.shield``, ``inv.globalaccelerator``."""

    cloudfront: CloudFrontLookups = field(init=False, repr=False, compare=False)
    waf: WafLookups = field(init=False, repr=False, compare=False)
    elbv2: Elbv2Lookups = field(init=False, repr=False, compare=False)
    elb: ElbLookups = field(init=False, repr=False, compare=False)
    route53: Route53Lookups = field(init=False, repr=False, compare=False)
    acm: AcmLookups = field(init=False, repr=False, compare=False)
    ec2: Ec2Lookups = field(init=False, repr=False, compare=False)
    s3: S3Lookups = field(init=False, repr=False, compare=False)
    apigateway: ApiGatewayLookups = field(init=False, repr=False, compare=False)
    lambda_: LambdaLookups = field(init=False, repr=False, compare=False)
    shield: ShieldLookups = field(init=False, repr=False, compare=False)
    globalaccelerator: GlobalAcceleratorLookups = field(init=False, repr=False, compare=False)
    _area: Area = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index, coverage = Index(self), self.coverage
        cloudfront = CloudFrontLookups(index, coverage)
        route53 = Route53Lookups(index, coverage)
        areas = {
            "cloudfront": cloudfront,
            "waf": WafLookups(index, coverage, cloudfront),
            "elbv2": Elbv2Lookups(index, coverage),
            "elb": ElbLookups(index, coverage),
            "route53": route53,
            "acm": AcmLookups(index, coverage),
            "ec2": Ec2Lookups(index, coverage),
            "s3": S3Lookups(index, coverage),
            "apigateway": ApiGatewayLookups(index, coverage),
            "lambda_": LambdaLookups(index, coverage),
            "shield": ShieldLookups(index, coverage, route53),
            "globalaccelerator": GlobalAcceleratorLookups(index, coverage),
            "_area": Area(index, coverage),
        }
        for name, area in areas.items():
            object.__setattr__(self, name, area)

    def known(self, kind: str, account_id: str | None, region: str | None) -> bool:
        """Was ``kind`` collected for (account, region)? ``None`` account: for every account."""
        return self._area.known(kind, account_id, region)

    @classmethod
    def kinds(cls) -> tuple[str, ...]:
        """Names of the resource-kind fields."""
        return tuple(f.name for f in fields(cls) if f.name in KIND_SOURCES)

    def counts(self) -> dict[str, int]:
        """Number of resources per kind."""
        return {k: len(getattr(self, k)) for k in self.kinds()}
