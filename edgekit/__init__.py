"""edgekit: lineage, misconfiguration checks and simplification plans for the AWS public edge.

``import edgekit`` stays light: it imports neither boto3, diagrams nor papermill. Import the
layers you need (``edgekit.snapshot``, ``edgekit.collect``, ...) explicitly.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
