"""Classic Load Balancers.

Modules: ``types`` (the frozen model classes), ``parse`` (payload items into them), ``lookups``
(the per-area queries of an inventory) and, where the service needs them, topic modules.
"""
