"""Collection: read-only boto3 calls that produce raw payloads. The only layer importing boto3.

Use :func:`edgekit.collect.api.collect` from Python, or ``edgekit collect`` on the command line.
"""
