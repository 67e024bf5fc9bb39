"""API Gateway REST APIs (v1), their custom domains and the v1/v2 merged domain view.

Modules: ``types`` (the frozen model classes), ``parse`` (payload items into them), ``lookups``
(the per-area queries of an inventory) and, where the service needs them, topic modules.
"""
