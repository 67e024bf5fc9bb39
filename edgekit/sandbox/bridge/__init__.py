"""The moto fidelity bridge: CloudFront and WAFv2 answers shaped like the real APIs.

:func:`install` patches moto **process-wide** (there is no uninstall): every moto backend in
this Python process -- ``moto.mock_aws()`` in-process mocks and ``ThreadedMotoServer`` alike --
serves the bridged behaviour from then on, including mocks that do not go through edgekit.
It is idempotent and cheap to call again. State stays in moto's backends, so moto's own reset
clears it.

What it bridges (moto 5.2.5; ``tests/sandbox/test_canary.py`` fails when moto fixes a gap):

* CloudFront distributions keep what moto drops: ``S3OriginConfig`` (with
  ``OriginAccessIdentity`` and ``OriginReadTimeout``), ``OriginAccessControlId``,
  ``VpcOriginConfig``, function and Lambda@Edge associations; ``CertificateSource`` /
  ``Certificate`` follow the certificate (acm / iam / cloudfront); behaviors with a
  ``CachePolicyId`` have no invented ``ForwardedValues`` or TTLs; a behavior may target an
  origin group; summaries carry ``Staging`` and ``ETag``; every other member round-trips
  unchanged (:mod:`.cloudfront_fields`, :mod:`.cloudfront_models`).
* New CloudFront operations: cache / origin-request / response-headers policies with the
  AWS-managed ones (:mod:`.cloudfront_policies`, :mod:`.managed_policies`), origin access
  identities, VPC origins, ``PublishFunction`` and stage-aware ``DescribeFunction`` /
  ``ListFunctions`` (:mod:`.cloudfront_resources`, :mod:`.cloudfront_responses`).
* WAFv2 ``ListResourcesForWebACL`` (:mod:`.wafv2`).
* Route 53 SOA records of new zones carry plain string values (:mod:`.route53`).
* ACM: DNS-validated certificates are issued at once (moto waits 60 s; the sandbox cannot
  resolve the validation records anyway), unless ``MOTO_ACM_VALIDATION_WAIT`` is set.

How: moto routes a request by the ``url_paths`` regexes of the service's ``urls`` module to
``<Service>Response.dispatch`` and picks the operation from botocore's model. The in-process
mock re-reads ``url_paths`` on every request, the server reads it when it first builds the
service's Flask app; so :func:`install` must run before a server handles its first CloudFront
or WAFv2 request (:class:`edgekit.sandbox.server.Sandbox` does this).
"""

from __future__ import annotations

import os

from moto import settings as moto_settings
from moto.cloudfront import urls as cloudfront_urls
from moto.moto_api import state_manager
from moto.wafv2 import urls as wafv2_urls

from edgekit.sandbox.bridge import cloudfront_models, route53
from edgekit.sandbox.bridge.cloudfront_resources import VPC_ORIGIN_MODEL
from edgekit.sandbox.bridge.cloudfront_responses import ROUTES, BridgedCloudFrontResponse
from edgekit.sandbox.bridge.wafv2 import BridgedWAFV2Response

__all__ = ["install", "installed"]


def install() -> None:
    """Patch moto (process-wide, idempotent) so CloudFront and WAFv2 behave like AWS.

    Also sets ``MOTO_EC2_LOAD_DEFAULT_AMIS=false`` (moto otherwise loads about 1,300 AMIs per
    region and any EC2 call takes seconds).
    """
    os.environ["MOTO_EC2_LOAD_DEFAULT_AMIS"] = "false"
    if "MOTO_ACM_VALIDATION_WAIT" not in os.environ:
        moto_settings.ACM_VALIDATION_WAIT = 0
    cloudfront_models.install()
    route53.install()
    cf_dispatch = BridgedCloudFrontResponse.dispatch
    for path in list(cloudfront_urls.url_paths):
        cloudfront_urls.url_paths[path] = cf_dispatch
    for path in ROUTES:
        cloudfront_urls.url_paths[path] = cf_dispatch
    for path in list(wafv2_urls.url_paths):
        wafv2_urls.url_paths[path] = BridgedWAFV2Response.dispatch
    state_manager.register_default_transition(
        VPC_ORIGIN_MODEL, transition={"progression": "manual", "times": 1}
    )


def installed() -> bool:
    """True once :func:`install` has patched this process."""
    return cloudfront_models.installed() and all(
        getattr(handler, "__self__", None) is BridgedCloudFrontResponse
        for handler in cloudfront_urls.url_paths.values()
    )
