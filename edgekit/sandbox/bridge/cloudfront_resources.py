"""Origin access identities, VPC origins and published functions: storage and API semantics."""

from __future__ import annotations

import copy
import string
from typing import Any

from moto.cloudfront.exceptions import NoSuchFunctionExists
from moto.cloudfront.models import CloudFrontBackend
from moto.core.utils import utcnow
from moto.moto_api._internal.managed_state_model import ManagedState
from moto.utilities.utils import get_partition

from edgekit.sandbox.bridge import cloudfront_errors as errors
from edgekit.sandbox.bridge.state import (
    Stored,
    behaviors_of,
    check_quantities,
    distribution_configs,
    new_etag,
    random_chars,
    state,
)

OAI_PATH_PREFIX = "origin-access-identity/cloudfront/"
"""How an S3 origin names an OAI: ``S3OriginConfig.OriginAccessIdentity``."""

VPC_ORIGIN_MODEL = "cloudfront::vpc-origin"
"""moto state-manager model name: VPC origins go Deploying -> Deployed like distributions."""

# ----------------------------------------------------------------------------- OAIs


def create_oai(backend: CloudFrontBackend, config: dict[str, Any]) -> tuple[Stored, bool]:
    """Create an OAI; (oai, created). Same CallerReference + same config returns the first."""
    reference = config.get("CallerReference")
    if not reference:
        raise errors.invalid_argument("CallerReference is required.")
    config = {"CallerReference": reference, "Comment": config.get("Comment", "")}
    for existing in state(backend).origin_access_identities.values():
        if existing.config["CallerReference"] == reference:
            if existing.config == config:
                return existing, False
            raise errors.already_exists(
                "CloudFrontOriginAccessIdentityAlreadyExists", "origin access identity"
            )
    oai = Stored(
        id="E" + random_chars(13),
        etag=new_etag(),
        config=config,
        extra={"S3CanonicalUserId": random_chars(96, string.hexdigits[:16])},
    )
    state(backend).origin_access_identities[oai.id] = oai
    return oai, True


def get_oai(backend: CloudFrontBackend, oai_id: str) -> Stored:
    """An OAI by id, or ``NoSuchCloudFrontOriginAccessIdentity``."""
    found = state(backend).origin_access_identities.get(oai_id)
    if found is None:
        raise errors.no_such("NoSuchCloudFrontOriginAccessIdentity", "origin access identity")
    return found


def oai_as_api(oai: Stored) -> dict[str, Any]:
    """The CloudFrontOriginAccessIdentity structure."""
    return {
        "Id": oai.id,
        "S3CanonicalUserId": oai.extra["S3CanonicalUserId"],
        "CloudFrontOriginAccessIdentityConfig": dict(oai.config),
    }


def oai_summary(oai: Stored) -> dict[str, Any]:
    """A CloudFrontOriginAccessIdentitySummary."""
    return {
        "Id": oai.id,
        "S3CanonicalUserId": oai.extra["S3CanonicalUserId"],
        "Comment": oai.config["Comment"],
    }


def update_oai(
    backend: CloudFrontBackend, oai_id: str, config: dict[str, Any], if_match: str | None
) -> Stored:
    """Change an OAI's comment (the CallerReference cannot change)."""
    oai = get_oai(backend, oai_id)
    errors.check_if_match(if_match, oai.etag)
    if config.get("CallerReference") != oai.config["CallerReference"]:
        raise errors.illegal("IllegalUpdate", "origin access identity caller reference")
    oai.touch({"CallerReference": oai.config["CallerReference"], "Comment": config["Comment"]})
    return oai


def delete_oai(backend: CloudFrontBackend, oai_id: str, if_match: str | None) -> None:
    """Delete an OAI that no S3 origin uses."""
    oai = get_oai(backend, oai_id)
    errors.check_if_match(if_match, oai.etag)
    for config in distribution_configs(backend):
        for origin in (config.get("Origins") or {}).get("Items") or []:
            used = (origin.get("S3OriginConfig") or {}).get("OriginAccessIdentity")
            if used == OAI_PATH_PREFIX + oai_id:
                raise errors.in_use("CloudFrontOriginAccessIdentityInUse", "origin access identity")
    del state(backend).origin_access_identities[oai_id]


# ----------------------------------------------------------------------------- VPC origins


def create_vpc_origin(
    backend: CloudFrontBackend, endpoint: dict[str, Any], tags: list[dict[str, str]]
) -> Stored:
    """Create a VPC origin for an ALB / NLB / EC2 instance ARN."""
    check_quantities(endpoint)
    name = endpoint.get("Name")
    if any(v.config.get("Name") == name for v in state(backend).vpc_origins.values()):
        raise errors.already_exists("EntityAlreadyExists", "VPC origin")
    vpc_id = "vo_" + random_chars(22, string.ascii_letters + string.digits)
    partition = get_partition(backend.region_name)
    arn = f"arn:{partition}:cloudfront::{backend.account_id}:vpcorigin/{vpc_id}"
    lifecycle = ManagedState(VPC_ORIGIN_MODEL, transitions=[("Deploying", "Deployed")])
    origin = Stored(
        id=vpc_id,
        etag=new_etag(),
        config=copy.deepcopy(endpoint),
        extra={"Arn": arn, "Lifecycle": lifecycle},
    )
    state(backend).vpc_origins[vpc_id] = origin
    backend.tagger.tag_resource(arn, tags)
    return origin


def get_vpc_origin(backend: CloudFrontBackend, vpc_id: str, *, advance: bool = True) -> Stored:
    """A VPC origin by id, or ``EntityNotFound``; reading it advances its status."""
    found = state(backend).vpc_origins.get(vpc_id)
    if found is None:
        raise errors.no_such("EntityNotFound", "VPC origin")
    if advance:
        found.extra["Lifecycle"].advance()
    return found


def vpc_origin_as_api(
    backend: CloudFrontBackend, origin: Stored, status: str = ""
) -> dict[str, Any]:
    """The VpcOrigin structure."""
    return {
        "Id": origin.id,
        "Arn": origin.extra["Arn"],
        "AccountId": backend.account_id,
        "Status": status or origin.extra["Lifecycle"].status,
        "CreatedTime": origin.created,
        "LastModifiedTime": origin.last_modified,
        "VpcOriginEndpointConfig": copy.deepcopy(origin.config),
    }


def vpc_origin_summary(backend: CloudFrontBackend, origin: Stored) -> dict[str, Any]:
    """A VpcOriginSummary (``OriginEndpointArn`` is the ALB / NLB / instance ARN)."""
    summary: dict[str, Any] = {
        "Id": origin.id,
        "Name": origin.config.get("Name"),
        "Status": origin.extra["Lifecycle"].status,
        "CreatedTime": origin.created,
        "LastModifiedTime": origin.last_modified,
        "Arn": origin.extra["Arn"],
        "AccountId": backend.account_id,
        "OriginEndpointArn": origin.config.get("Arn"),
    }
    if "IpAddressType" in origin.config:
        summary["IpAddressType"] = origin.config["IpAddressType"]
    return summary


def update_vpc_origin(
    backend: CloudFrontBackend, vpc_id: str, endpoint: dict[str, Any], if_match: str | None
) -> Stored:
    """Replace a VPC origin's endpoint configuration."""
    origin = get_vpc_origin(backend, vpc_id, advance=False)
    errors.check_if_match(if_match, origin.etag)
    check_quantities(endpoint)
    origin.touch(copy.deepcopy(endpoint))
    return origin


def delete_vpc_origin(backend: CloudFrontBackend, vpc_id: str, if_match: str | None) -> Stored:
    """Delete a VPC origin that no distribution origin references."""
    origin = get_vpc_origin(backend, vpc_id, advance=False)
    errors.check_if_match(if_match, origin.etag)
    for config in distribution_configs(backend):
        for item in (config.get("Origins") or {}).get("Items") or []:
            if (item.get("VpcOriginConfig") or {}).get("VpcOriginId") == vpc_id:
                raise errors.in_use("CannotDeleteEntityWhileInUse", "VPC origin")
    del state(backend).vpc_origins[vpc_id]
    return origin


# ----------------------------------------------------------------------------- functions


def publish_function(backend: CloudFrontBackend, name: str, if_match: str | None) -> dict[str, Any]:
    """Copy a function's DEVELOPMENT stage to LIVE; returns the LIVE FunctionSummary."""
    function = backend.describe_function(name)
    errors.check_if_match(if_match, function.etag)
    summary = copy.deepcopy(function.function_summary)
    now = utcnow()
    summary["Status"] = "UNASSOCIATED"
    summary["FunctionMetadata"]["Stage"] = "LIVE"
    summary["FunctionMetadata"]["LastModifiedTime"] = now
    state(backend).live_functions[name] = summary
    return summary


def function_summaries(backend: CloudFrontBackend, stage: str | None) -> list[dict[str, Any]]:
    """FunctionSummary of every function in ``stage`` (both stages when None)."""
    out: list[dict[str, Any]] = []
    live = state(backend).live_functions
    for name, function in backend.functions.items():
        if stage in (None, "", "DEVELOPMENT"):
            out.append(function.function_summary)
        if stage in (None, "", "LIVE") and name in live:
            out.append(live[name])
    return out


def describe_function(backend: CloudFrontBackend, name: str, stage: str | None) -> dict[str, Any]:
    """The FunctionSummary of one stage (DEVELOPMENT by default)."""
    function = backend.describe_function(name)
    if stage == "LIVE":
        live = state(backend).live_functions.get(name)
        if live is None:
            raise NoSuchFunctionExists(name)
        return live
    summary: dict[str, Any] = function.function_summary
    return summary


def function_in_use(backend: CloudFrontBackend, name: str) -> bool:
    """True when a distribution behavior associates the function."""
    for config in distribution_configs(backend):
        for behavior in behaviors_of(config):
            for item in (behavior.get("FunctionAssociations") or {}).get("Items") or []:
                if str(item.get("FunctionARN", "")).endswith(f":function/{name}"):
                    return True
    return False
