"""The ``edgekit`` command line: argument parsing and dispatch only.

Exit codes: 0 ok; 1 findings at or above ``--fail-on``; 2 usage or input error (one line, no
traceback); 3 partial collection (failed units, or gaps with ``--strict``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from edgekit import __version__
from edgekit.errors import EdgekitError

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors on one line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (sub-commands register their own arguments)."""
    from edgekit.commands import (
        checks,
        collect,
        conform,
        demo,
        diagram,
        diff,
        drift,
        history,
        import_iac,
        lineage,
        notebook,
        plan,
        report,
        sandbox,
        scan,
    )

    parser = _Parser(
        prog="edgekit",
        description="Public entrypoints, misconfigurations and redundant hops of an AWS edge.",
    )
    parser.add_argument("--version", action="version", version=f"edgekit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    commands = (
        ("collect", "collect a snapshot from AWS (read-only)", collect),
        ("scan", "run the check catalogue over a snapshot", scan),
        ("plan", "simplification proposals for redundant hops", plan),
        ("lineage", "public entrypoints and how each reaches its backend", lineage),
        ("conform", "how each entrypoint compares with the house edge patterns", conform),
        ("diagram", "architecture pictures (PNG/SVG) of a snapshot", diagram),
        ("report", "run a report notebook (papermill) on a snapshot", report),
        (
            "notebook",
            "copy a bundled notebook into a workspace and open it in JupyterLab",
            notebook,
        ),
        ("demo", "the whole pipeline on the bundled sample estate", demo),
        ("checks", "list the check catalogue", checks),
        ("import-iac", "build a snapshot from CloudFormation / CDK templates", import_iac),
        ("history", "the trend over several snapshots of an estate", history),
        ("diff", "what changed between two snapshots (resources, paths, findings)", diff),
        ("drift", "live resources that differ from their IaC, and those no IaC defines", drift),
        ("sandbox", "serve a local AWS-compatible endpoint (moto) on 127.0.0.1", sandbox),
    )
    for name, help_text, module in commands:
        p = sub.add_parser(name, help=help_text)
        module.add_arguments(p)
        p.set_defaults(handler=module.run)

    from edgekit.commands import role_templates

    p = sub.add_parser("iam-policy", help="the read-only IAM policy, or a deployable scan role")
    role_templates.add_arguments(p)
    p.set_defaults(handler=role_templates.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except EdgekitError as err:
        from edgekit.escape.terminal import clean

        print(f"edgekit: error: {clean(err)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("edgekit: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
