"""The sandbox: a local AWS-compatible endpoint (moto plus a fidelity bridge) and seed estates.

No AWS account exists on development machines; the sandbox stands in for one.

* :mod:`edgekit.sandbox.bridge` -- :func:`~edgekit.sandbox.bridge.install` patches moto so
  CloudFront, WAF, ACM, Shield and Route 53 answer like the real APIs, and serves the services
  moto lacks (Global Accelerator, WAF Classic).
* :mod:`edgekit.sandbox.server` -- :class:`~edgekit.sandbox.server.Sandbox`, a moto server on
  127.0.0.1 with the bridge installed (``edgekit sandbox``).
* :mod:`edgekit.sandbox.sample` -- :func:`~edgekit.sandbox.sample.seed_sample`, the
  multi-account Northwind sample estate (``docs/sample-estate.md``), the default seed.
* :mod:`edgekit.sandbox.seed` -- :func:`~edgekit.sandbox.seed.seed`, a small one-distribution
  estate (``--seed small``).

Both seeds create everything through ordinary boto3 calls.

Importing this package imports nothing heavy; the submodules import moto and boto3.
"""
