"""The sandbox: a local AWS-compatible endpoint (moto plus a fidelity bridge) and seed estates.

No AWS account exists on development machines; the sandbox stands in for one.

* :mod:`edgekit.sandbox.bridge` -- :func:`~edgekit.sandbox.bridge.install` patches moto so
  CloudFront and WAFv2 answer like the real APIs.
* :mod:`edgekit.sandbox.server` -- :class:`~edgekit.sandbox.server.Sandbox`, a moto server on
  127.0.0.1 with the bridge installed (``edgekit sandbox``).
* :mod:`edgekit.sandbox.seed` -- :func:`~edgekit.sandbox.seed.seed`, a small estate created
  through ordinary boto3 calls.

Importing this package imports nothing heavy; the submodules import moto and boto3.
"""
