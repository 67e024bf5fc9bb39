"""Infrastructure as code in: build ordinary snapshots from CloudFormation / CDK and Terraform.

A producer layer beside :mod:`edgekit.collect`: it writes the same payload layouts
(docs/snapshot.md) with ``source: "iac"``, never calls AWS and never imports boto3. Every
translated item keeps an ``_iac`` side key (file, stack, logical id or Terraform address) that
the model ignores and findings use to point at the line a reviewer must change. See docs/iac.md.
"""
