"""``edgekit sandbox``: a local AWS-compatible endpoint on 127.0.0.1 (moto, bridged)."""

from __future__ import annotations

import argparse
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``edgekit sandbox``."""
    p.add_argument("--port", type=int, default=5005, help="port on 127.0.0.1 (0 = any free port)")
    p.add_argument(
        "--seed",
        choices=("sample", "small", "none"),
        default="sample",
        help="create the Northwind sample estate first (default), a one-distribution estate, "
        "or start empty",
    )
    p.add_argument("--log-requests", action="store_true", help="log every request to stderr")


def run(args: argparse.Namespace) -> int:
    """Start the sandbox, print its URL, serve until interrupted."""
    from edgekit.sandbox.requirements import require_sandbox

    require_sandbox("sandbox")
    from edgekit.sandbox.server import start

    with start(args.port, args.seed, log_requests=args.log_requests) as sandbox:
        print(sandbox.url, flush=True)
        sample = sandbox.sample_info
        accounts = (
            f"--accounts {','.join(sample.accounts)} --role-name {sample.role_name} "
            if sample
            else ""
        )
        print(
            f"edgekit sandbox serving on {sandbox.url} (seed: {args.seed}); "
            f"try: edgekit collect --endpoint-url {sandbox.url} {accounts}"
            "--regions us-east-1,eu-west-1 -o sandbox.json; Ctrl-C to stop",
            file=sys.stderr,
            flush=True,
        )
        try:
            sandbox.wait()
        except KeyboardInterrupt:
            print("edgekit sandbox: stopped", file=sys.stderr)
    return 0
