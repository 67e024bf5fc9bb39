"""ELBv2 default listener rules with ARNs shaped like AWS's (moto 5.2.5 uses ``id()``).

moto names a listener's default rule ``…/listener-rule/app/<lb>/<lb id>/<listener id>/<the
Python object's id()>``: a decimal that changes from run to run. AWS ends a rule ARN in 16
hexadecimal digits; the bridged rule draws them from moto's seedable generator like every
other moto id, so a seeded sandbox produces the same ARNs on every run.
"""

from __future__ import annotations

from typing import Any

from moto.elbv2 import models as elbv2_models
from moto.moto_api._internal import mock_random


class BridgedFakeRule(elbv2_models.FakeRule):
    """A default listener rule whose ARN ends in 16 hex digits."""

    def __init__(self, listener_arn: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(listener_arn, *args, **kwargs)
        suffix = "".join(mock_random.choice("0123456789abcdef") for _ in range(16))
        self.arn = listener_arn.replace(":listener/", ":listener-rule/") + f"/{suffix}"
