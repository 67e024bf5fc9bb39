"""The inputs migration steps name: what the snapshot cannot know. A Terraform snippet reads
``var.<name>``; a CDK snippet reads a ``const`` (camelCase of the name) of ``ts_type``: the
construct already in the user's app, or a value to supply. ``tf_type`` or ``ts_type`` empty:
used by one language only."""

from __future__ import annotations

from typing import Final

from edgekit.plan.model import Input

DISTRIBUTION: Final = Input(
    "distribution", "the distribution's construct in your CDK app", "cloudfront.Distribution", ""
)
OUTER_DISTRIBUTION: Final = Input(
    "outer_distribution", "the outer distribution's construct", "cloudfront.Distribution", ""
)
INNER_DISTRIBUTION: Final = Input(
    "inner_distribution", "the inner distribution's construct", "cloudfront.Distribution", ""
)
KEPT_DISTRIBUTION: Final = Input(
    "kept_distribution", "the kept distribution's construct", "cloudfront.Distribution", ""
)
API: Final = Input("api", "the REST API's construct in your CDK app", "apigateway.RestApi", "")
FN: Final = Input("fn", "the Lambda function's construct", "lambda.IFunction", "")
VPC: Final = Input("vpc", "the VPC of the load balancer", "ec2.IVpc", "")
BUCKET: Final = Input("bucket", "the bucket's construct", "s3.IBucket", "")
CERTIFICATE_ARN: Final = Input(
    "certificate_arn",
    "an ACM certificate in us-east-1 covering every alias of the distribution",
)
OAC_ID: Final = Input(
    "origin_access_control_id",
    "the origin access control of the copied S3 origins (create one, signing sigv4)",
    "",
)
PRIVATE_SUBNET_IDS: Final = Input(
    "private_subnet_ids",
    "private subnets (one per Availability Zone) for the internal load balancer",
    "",
    "list(string)",
)
ALB_SECURITY_GROUP_IDS: Final = Input(
    "alb_security_group_ids",
    "security groups of the internal load balancer (admitting the VPC origin's group)",
    "",
    "list(string)",
)
