"""Reading the SNAPSHOT argument of a command: read limits (flags over environment over
defaults), and the notes reading produced (duplicates dropped) printed to standard error."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from edgekit.errors import SnapshotError
from edgekit.escape.terminal import clean
from edgekit.snapshot import ENV_MAX_BYTES, ENV_MAX_ITEMS, ReadLimits, parse_size

if TYPE_CHECKING:
    from edgekit.graph import Estate
    from edgekit.snapshot import Snapshot


def _size(value: str) -> int:
    try:
        return parse_size(value, "--max-snapshot-bytes")
    except SnapshotError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _count(value: str) -> int:
    if not value.isdigit() or len(value) > 15 or int(value) <= 0:
        raise argparse.ArgumentTypeError(f"not a positive count: {value!r}")
    return int(value)


def add_limit_arguments(p: argparse.ArgumentParser) -> None:
    """``--max-snapshot-bytes`` and ``--max-snapshot-items``."""
    p.add_argument(
        "--max-snapshot-bytes",
        type=_size,
        metavar="SIZE",
        help=f"refuse a snapshot of more JSON text (after gunzip) than this, e.g. 2G "
        f"(default: ${ENV_MAX_BYTES} or 512M)",
    )
    p.add_argument(
        "--max-snapshot-items",
        type=_count,
        metavar="N",
        help=f"refuse a snapshot of more JSON values than this (default: ${ENV_MAX_ITEMS} or "
        "20000000)",
    )


def limits(args: argparse.Namespace) -> ReadLimits:
    """The read limits of this run."""
    return ReadLimits.from_env().with_overrides(
        getattr(args, "max_snapshot_bytes", None), getattr(args, "max_snapshot_items", None)
    )


def load_snapshot(args: argparse.Namespace) -> Snapshot:
    """``args.snapshot`` read within the limits; notes printed to standard error."""
    from edgekit import snapshot as snap

    loaded = snap.load(args.snapshot, limits(args))
    for note in loaded.notes:
        print(clean(f"edgekit: warning: {note}"), file=sys.stderr)
    return loaded


def load_estate(args: argparse.Namespace) -> Estate:
    """The estate of ``args.snapshot`` (see :func:`load_snapshot`)."""
    from edgekit.graph import Estate

    return Estate.from_snapshot(load_snapshot(args))
