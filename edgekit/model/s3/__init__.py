"""S3 buckets (per-account records, merged views) and bucket policies.

Modules: ``types`` (the frozen model classes), ``parse`` (payload items into them), ``lookups``
(the per-area queries of an inventory) and, where the service needs them, topic modules.
"""
