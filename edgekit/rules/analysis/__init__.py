"""The analysis helpers the checks share (the engine — registry, runner, context, findings,
suppressions, output formats — is the rest of :mod:`edgekit.rules`; the checks are in
:mod:`edgekit.rules.checks`): CloudFront path patterns and behavior resolution, ALB rule
matching, WAF rule semantics and shadowing, origin and load balancer reach and lockdown, S3
public access and resource policies, certificate names, DNS targets, TLS policy data."""
