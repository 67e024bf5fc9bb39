"""Every plan the snippet tests look at (every pattern snapshot, the rich fixture, the sample
estate and hostile variants) and the tools that check snippets: the destructive-assignment and
placeholder lints, the HCL string decoder, and the CDK harness (one TypeScript file per proposal
variant, one ``tsc`` run)."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from edgekit import snapshot as snap
from edgekit.graph import Estate
from edgekit.plan import Proposal, Step, plan
from edgekit.plan.planner import Plan
from edgekit.snapshot import Snapshot
from tests.plan.patterns import PATTERNS, cdn_chain, nlb_to_alb, redirect_only, s3_website
from tests.plan.provider_schema import HARNESS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "snapshots"

HOSTILE = "x'y\"z`${a}%{b}\\c\nd"
"""A value with every character a careless encoder breaks on (quote, double quote, backtick,
``${``, ``%{``, backslash, newline)."""


def _replace(snapshot: Snapshot, old: str, new: str) -> Snapshot:
    """The snapshot with every payload string ``old`` replaced by ``new`` (JSON-level)."""
    payloads = json.loads(json.dumps(snapshot.payloads).replace(old, json.dumps(new)[1:-1]))
    snapshot.payloads[:] = payloads
    return snapshot


def hostile_snapshots() -> dict[str, Snapshot]:
    """Pattern snapshots whose path pattern, redirect host and index document are hostile."""
    return {
        "hostile_cdn_chain": _replace(cdn_chain(), "/static/*", f"/st{HOSTILE}/*"),
        "hostile_redirect": _replace(redirect_only(), "www.example.com", f"w{HOSTILE}.com"),
        "hostile_s3_index": _replace(s3_website(), "index.html", f"i{HOSTILE}.html"),
    }


@cache
def plans() -> dict[str, Plan]:
    """Every plan whose snippets are checked."""
    out = {name: plan(Estate.from_snapshot(build())) for name, build in sorted(PATTERNS.items())}
    for fixture in ("rich.json", "sample.json.gz"):
        out[fixture] = plan(Estate.from_snapshot(snap.load(FIXTURES / fixture)))
    for name, s in hostile_snapshots().items():
        out[name] = plan(Estate.from_snapshot(s))
    public = nlb_to_alb(alb_scheme="internet-facing", elastic_ip=False)
    out["nlb_to_alb_public"] = plan(Estate.from_snapshot(public))
    return out


@dataclass(frozen=True)
class Variant:
    """One proposal variant's steps (the proposal itself when it has no variants)."""

    where: str
    proposal: Proposal
    name: str
    steps: tuple[Step, ...]


def variants() -> Iterator[Variant]:
    """Every proposal variant of every plan."""
    for where, result in plans().items():
        for p in result.proposals:
            if not p.variants:
                yield Variant(where, p, p.variant, p.steps)
            for v in p.variants:
                yield Variant(where, p, v.name, v.steps)


# -- lints -------------------------------------------------------------------------------------
DESTRUCTIVE = re.compile(
    r"""(?x)
    (?:\b\w+\s*=\s*(?:\[\s*\]|""|\{\s*\}))           # Terraform: x = [] / "" / {}
    | (?:\b\w+\s*:\s*(?:\[\s*\]|""|''))                  # TypeScript: x: [] / "" / ''
    | (?:addPropertyOverride\([^,]+,\s*(?:\[\s*\]|""|''))  # CDK escape hatch to empty
    """
)
"""An attribute assigned an empty list or string: AWS reads that as "remove them all"."""

PLACEHOLDER = re.compile(r"<[a-z][a-z0-9 _-]*>|\.\.\.|…")
"""``<region>``-style placeholders and elisions."""


def destructive_assignments(code: str) -> list[str]:
    """Empty-list / empty-string assignments in a snippet (comments ignored)."""
    lines = [ln for ln in code.splitlines() if not ln.lstrip().startswith(("#", "//"))]
    return [m.group(0) for m in DESTRUCTIVE.finditer("\n".join(lines))]


def hcl_string(value: str) -> str:
    """The literal value of a python-hcl2 string (``"..."``, JSON escapes, ``$${`` / ``%%{``)."""
    text = json.loads(value)
    return str(text).replace("$${", "${").replace("%%{", "%{")


# -- the CDK harness -------------------------------------------------------------------------
PRELUDE = """import * as cdk from "aws-cdk-lib";
import {
  aws_apigateway as apigateway,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as origins,
  aws_ec2 as ec2,
  aws_elasticloadbalancingv2 as elbv2,
  aws_globalaccelerator as globalaccelerator,
  aws_globalaccelerator_endpoints as ga_endpoints,
  aws_iam as iam,
  aws_lambda as lambda,
  aws_route53 as route53,
  aws_route53_targets as targets,
  aws_s3 as s3,
} from "aws-cdk-lib";
import { Construct } from "constructs";
void acm;
"""


def camel(name: str) -> str:
    """The CDK ``const`` of an input (``certificate_arn`` → ``certificateArn``)."""
    head, *rest = name.split("_")
    return head + "".join(w.title() for w in rest)


def typescript(steps: tuple[Step, ...]) -> str:
    """One compilable file: the prelude, the steps' inputs declared, the snippets in order."""
    inputs = {i.name: i for s in steps for i in s.inputs if i.ts_type}
    declared = "".join(
        f"declare const {camel(n)}: {i.ts_type};\n" for n, i in sorted(inputs.items())
    )
    body = "\n".join("    " + line for s in steps if s.cdk for line in (s.cdk + "\n").splitlines())
    return (
        f"{PRELUDE}{declared}\nexport class Proposal extends cdk.Stack {{\n"
        f"  constructor(scope: Construct, id: string) {{\n    super(scope, id);\n{body}\n  }}\n}}\n"
    )


def tsc(files: dict[str, str]) -> tuple[int, str]:
    """Type-check ``files`` (name → source) in one ``tsc`` run inside the harness; a run whose
    exact sources passed before is not repeated (content hash stamp)."""
    digest = hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()[:16]
    build = HARNESS / ".build" / digest
    if (build / "ok").exists():
        return 0, ""
    compiler = HARNESS / "node_modules" / "typescript" / "bin" / "tsc"
    if not compiler.exists():
        raise RuntimeError(f"{compiler} is not installed: run `make harness`")
    build.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (build / name).write_text(text, encoding="utf-8")
    config = {"extends": "../../tsconfig.json", "include": ["*.ts"]}
    (build / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    done = subprocess.run(
        ["node", str(compiler), "-p", str(build / "tsconfig.json")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode == 0:
        (build / "ok").write_text("", encoding="utf-8")
    return done.returncode, done.stdout + done.stderr
