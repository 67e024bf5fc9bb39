"""CloudFront monitoring subscriptions (additional CloudWatch metrics), which moto 5.2.5 lacks.

``CreateMonitoringSubscription`` / ``GetMonitoringSubscription`` /
``DeleteMonitoringSubscription`` on an existing distribution, kept in the bridge state of
the account's moto CloudFront backend (:mod:`.state`, cleared by moto's reset). As in AWS, a
distribution that never had a subscription answers ``NoSuchMonitoringSubscription`` and an
unknown distribution ``NoSuchDistribution``.
"""

from __future__ import annotations

from typing import Any

from moto.cloudfront.responses import CloudFrontResponse
from moto.core.responses import ActionResult, EmptyResult

from edgekit.sandbox.bridge.cloudfront_errors import no_such
from edgekit.sandbox.bridge.state import state

ROUTES: tuple[str, ...] = (
    "{0}/2020-05-31/distributions/(?P<DistributionId>[^/]+)/monitoring-subscription/?$",
)
"""URL pattern (moto ``url_paths`` syntax) of the three operations."""


def subscriptions(backend: Any) -> dict[str, dict[str, Any]]:
    """Distribution id → MonitoringSubscription of the account's CloudFront backend."""
    return state(backend).monitoring_subscriptions


class MonitoringSubscriptionResponses(CloudFrontResponse):
    """The monitoring-subscription operations, mixed into the bridged CloudFront responses."""

    def _distribution_id(self) -> str:
        dist_id = str(self._get_param("DistributionId") or "")
        if dist_id not in self.backend.distributions:
            raise no_such("NoSuchDistribution", "distribution")
        return dist_id

    def create_monitoring_subscription(self) -> ActionResult:
        """CreateMonitoringSubscription (replaces an existing one, like AWS)."""
        dist_id = self._distribution_id()
        sub = dict(self._get_param("MonitoringSubscription") or {})
        subscriptions(self.backend)[dist_id] = sub
        return ActionResult({"MonitoringSubscription": sub})

    def get_monitoring_subscription(self) -> ActionResult:
        """GetMonitoringSubscription."""
        found = subscriptions(self.backend).get(self._distribution_id())
        if found is None:
            raise no_such("NoSuchMonitoringSubscription", "monitoring subscription")
        return ActionResult({"MonitoringSubscription": found})

    def delete_monitoring_subscription(self) -> EmptyResult:
        """DeleteMonitoringSubscription."""
        if subscriptions(self.backend).pop(self._distribution_id(), None) is None:
            raise no_such("NoSuchMonitoringSubscription", "monitoring subscription")
        return EmptyResult()
