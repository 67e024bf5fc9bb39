"""The moto fidelity bridge: CloudFront, WAF, Route 53, ACM and Global Accelerator like AWS.

:func:`install` patches moto **process-wide**: every moto backend in this Python process --
``moto.mock_aws()`` in-process mocks and moto servers alike -- serves the bridged behaviour from
then on, including mocks that do not go through edgekit. It is idempotent. :func:`uninstall`
restores moto exactly; :func:`bridged` installs for the duration of a ``with`` block (and only
uninstalls if it installed), which keeps tests that expect plain moto unaffected. Resource
state stays in moto's backends, so moto's own reset clears it; the only module-level data here
is the record of what was patched, so it can be restored.

What it bridges (moto 5.2.5; ``tests/sandbox/test_canary.py`` fails when moto fixes a gap):

* CloudFront distributions keep what moto drops: ``S3OriginConfig`` (with
  ``OriginAccessIdentity`` and ``OriginReadTimeout``), ``OriginAccessControlId``,
  ``VpcOriginConfig``, function and Lambda@Edge associations; ``CertificateSource`` /
  ``Certificate`` follow the certificate (acm / iam / cloudfront); behaviors with a
  ``CachePolicyId`` have no invented ``ForwardedValues`` or TTLs; a behavior may target an
  origin group; summaries carry ``Staging`` and ``ETag``; every other member round-trips
  unchanged; key groups carry ``LastModifiedTime`` (:mod:`.cloudfront_fields`,
  :mod:`.cloudfront_models`).
* New CloudFront operations: cache / origin-request / response-headers policies with the
  AWS-managed ones (:mod:`.cloudfront_policies`, :mod:`.managed_policies`), origin access
  identities, VPC origins, real-time log configs, ``PublishFunction`` and stage-aware
  ``DescribeFunction`` / ``ListFunctions`` (:mod:`.cloudfront_resources`,
  :mod:`.cloudfront_realtime`, :mod:`.cloudfront_resource_responses`,
  :mod:`.cloudfront_responses`).
* WAFv2 ``ListResourcesForWebACL`` (:mod:`.wafv2`); web ACL ``Capacity`` summed from the
  rules' WCU instead of a constant 3 (:mod:`.wafv2_capacity`).
* Shield Advanced protection groups (:mod:`.shield`).
* CloudWatch ``GetMetricData`` with percentiles, pagination and AWS's limits
  (:mod:`.cloudwatch`); CloudFront monitoring subscriptions (additional metrics,
  :mod:`.cloudwatch_monitoring`).
* ELBv2 default listener rules get AWS-shaped ARNs from moto's seedable generator instead of a
  Python object id (:mod:`.elbv2`).
* ACM ``InUseBy`` lists the distributions, load balancers and API domain names using the
  certificate; subject alternative names and validation options come in a stable order, the
  certificate's domain name first (:mod:`.acm`).
* Services moto does not have at all, registered as moto services (:mod:`.services`,
  :mod:`.extra`): Global Accelerator standard accelerators, listeners and endpoint groups
  (:mod:`.globalaccelerator`), and WAF Classic / WAF Classic Regional change tokens, IP sets,
  rules, web ACLs and regional associations (:mod:`.waf_classic`).
* Route 53 SOA records of new zones carry plain string values (:mod:`.route53`).
* ACM: DNS-validated certificates are issued at once (moto waits 60 s; the sandbox cannot
  resolve the validation records anyway), unless ``MOTO_ACM_VALIDATION_WAIT`` is set.

Known differences that remain (deliberately lenient, or not needed yet): ids a
DistributionConfig references (policies, OAC, OAI, VPC origin, key groups) are not checked
for existence; a behavior with neither ``CachePolicyId`` nor ``ForwardedValues`` is accepted
(AWS refuses it) and gets the legacy defaults; distributions keep moto's If-Match handling (any
value accepted, ETag unchanged by updates); an omitted ``OriginSslProtocols`` reads back as
``["TLSv1.2"]``; ``ListDistributionsBy*`` and continuous deployment are not bridged.
Accelerators are ``DEPLOYED`` and their endpoints ``HEALTHY`` at once; WAF Classic rules take
IP-match predicates only; web ACL capacity uses AWS's published base WCU per statement (close
to, not always equal to, AWS's figure).

How: moto routes a request by the ``url_paths`` regexes of the service's ``urls`` module to
``<Service>Response.dispatch`` and picks the operation from botocore's model. The in-process
mock re-reads ``url_paths`` on every request, the server reads it when it first builds the
service's Flask app; so :func:`install` must run before a server handles its first CloudFront
or WAFv2 request (:class:`edgekit.sandbox.server.Sandbox` does this).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from typing import Any

from moto import settings as moto_settings
from moto.acm import models as moto_acm_models
from moto.cloudfront import models as moto_cloudfront_models
from moto.cloudfront import urls as cloudfront_urls
from moto.cloudwatch import urls as cloudwatch_urls
from moto.elbv2 import models as moto_elbv2_models
from moto.moto_api import state_manager
from moto.route53 import models as moto_route53_models
from moto.shield import urls as shield_urls
from moto.wafv2 import models as moto_wafv2_models
from moto.wafv2 import urls as wafv2_urls

from edgekit.sandbox.bridge.acm import BridgedCertBundle
from edgekit.sandbox.bridge.cloudfront_models import (
    BridgedDistribution,
    BridgedDistributionConfig,
    BridgedKeyGroup,
)
from edgekit.sandbox.bridge.cloudfront_resources import VPC_ORIGIN_MODEL
from edgekit.sandbox.bridge.cloudfront_responses import ROUTES, BridgedCloudFrontResponse
from edgekit.sandbox.bridge.cloudwatch import BridgedCloudWatchResponse
from edgekit.sandbox.bridge.cloudwatch_monitoring import ROUTES as MONITORING_ROUTES
from edgekit.sandbox.bridge.elbv2 import BridgedFakeRule
from edgekit.sandbox.bridge.extra import EXTRA_SERVICES
from edgekit.sandbox.bridge.route53 import BridgedRecordSet
from edgekit.sandbox.bridge.services import Undo, register
from edgekit.sandbox.bridge.shield import BridgedShieldResponse
from edgekit.sandbox.bridge.wafv2 import BridgedWAFV2Response
from edgekit.sandbox.bridge.wafv2_capacity import BridgedFakeWebACL

__all__ = ["bridged", "install", "installed", "uninstall"]

_ABSENT = object()
_saved: list[tuple[Any, str, Any, bool]] = []
"""(target, name, original value or _ABSENT, is_mapping) for every patch, in patch order."""
_undo: list[Undo] = []
"""Undo steps of the extra services' registration, in registration order."""


def _patch(target: Any, name: str, value: Any) -> None:
    mapping = isinstance(target, MutableMapping)
    original = target.get(name, _ABSENT) if mapping else getattr(target, name, _ABSENT)
    _saved.append((target, name, original, mapping))
    if mapping:
        target[name] = value
    else:
        setattr(target, name, value)


def install() -> None:
    """Patch moto (process-wide, idempotent): CloudFront, WAF, Route 53 and GA behave like AWS.

    Also sets ``MOTO_EC2_LOAD_DEFAULT_AMIS=false`` (moto otherwise loads about 1,300 AMIs per
    region and any EC2 call takes seconds) and, unless ``MOTO_ACM_VALIDATION_WAIT`` is set,
    issues DNS-validated ACM certificates at once.
    """
    if installed():
        return
    _patch(os.environ, "MOTO_EC2_LOAD_DEFAULT_AMIS", "false")
    if "MOTO_ACM_VALIDATION_WAIT" not in os.environ:
        _patch(moto_settings, "ACM_VALIDATION_WAIT", 0)
    _patch(moto_cloudfront_models, "DistributionConfig", BridgedDistributionConfig)
    _patch(moto_cloudfront_models, "Distribution", BridgedDistribution)
    _patch(moto_cloudfront_models, "KeyGroup", BridgedKeyGroup)
    _patch(moto_route53_models, "RecordSet", BridgedRecordSet)
    _patch(moto_acm_models, "CertBundle", BridgedCertBundle)
    _patch(moto_wafv2_models, "FakeWebACL", BridgedFakeWebACL)
    _patch(moto_elbv2_models, "FakeRule", BridgedFakeRule)
    for path in [*cloudfront_urls.url_paths, *ROUTES, *MONITORING_ROUTES]:
        _patch(cloudfront_urls.url_paths, path, BridgedCloudFrontResponse.dispatch)
    for path in list(wafv2_urls.url_paths):
        _patch(wafv2_urls.url_paths, path, BridgedWAFV2Response.dispatch)
    for path in list(cloudwatch_urls.url_paths):
        _patch(cloudwatch_urls.url_paths, path, BridgedCloudWatchResponse.dispatch)
    for path in list(shield_urls.url_paths):
        _patch(shield_urls.url_paths, path, BridgedShieldResponse.dispatch)
    state_manager.register_default_transition(
        VPC_ORIGIN_MODEL, transition={"progression": "manual", "times": 1}
    )
    _undo.extend(register(EXTRA_SERVICES))


def uninstall() -> None:
    """Undo :func:`install`: moto's own classes, routes and settings come back (idempotent).

    Objects created while the bridge was installed keep their bridged classes until moto
    resets its backends (leaving ``mock_aws()`` does).
    """
    while _undo:
        _undo.pop()()
    while _saved:
        target, name, original, mapping = _saved.pop()
        if original is _ABSENT:
            if mapping:
                target.pop(name, None)
            else:
                delattr(target, name)
        elif mapping:
            target[name] = original
        else:
            setattr(target, name, original)


def installed() -> bool:
    """True while the bridge is installed in this process."""
    return moto_cloudfront_models.DistributionConfig is BridgedDistributionConfig


@contextmanager
def bridged() -> Iterator[None]:
    """Install the bridge for a ``with`` block; uninstall after it unless it was already on."""
    was_installed = installed()
    install()
    try:
        yield
    finally:
        if not was_installed:
            uninstall()
