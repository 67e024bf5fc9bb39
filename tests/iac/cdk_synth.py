"""Real ``cdk synth`` of the test CDK apps (``tests/iac/cdk_apps/*.ts``), offline.

The apps are compiled with the harness's ``tsc`` (tools/cdk-harness, pinned ``aws-cdk-lib``)
into ``tools/cdk-harness/.build/cdk-apps-<digest>/`` — the digest covers the sources and the
harness's lock file, so an unchanged set is compiled once — and synthesized by one ``node`` run of
``main.ts``: each app's ``App.synth()`` writes the cloud assembly (``manifest.json`` and the
``*.template.json`` files) to ``CDK_OUTDIR``, exactly what ``cdk synth`` leaves in ``cdk.out``.
No CDK CLI, no network.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

APPS = Path(__file__).parent / "cdk_apps"
HARNESS = Path(__file__).resolve().parents[2] / "tools" / "cdk-harness"
TSCONFIG = """{
  "extends": "../../tsconfig.json",
  "compilerOptions": {"noEmit": false, "outDir": "js", "rootDir": "src"},
  "include": ["src/*.ts"]
}
"""


def _digest() -> str:
    h = hashlib.sha256()
    for path in sorted(APPS.glob("*.ts")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    h.update((HARNESS / "package-lock.json").read_bytes())
    h.update(TSCONFIG.encode())
    return h.hexdigest()[:16]


def compiled() -> Path:
    """The folder of the compiled apps (``js/<app>.js``), compiling them when needed."""
    build = HARNESS / ".build" / f"cdk-apps-{_digest()}"
    if (build / "ok").exists():
        return build
    compiler = HARNESS / "node_modules" / "typescript" / "bin" / "tsc"
    if not compiler.exists():
        raise RuntimeError(f"{compiler} is not installed: run `make harness`")
    staging = build.with_name(f"{build.name}.{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "src").mkdir(parents=True)
    for path in APPS.glob("*.ts"):
        shutil.copy(path, staging / "src" / path.name)
    (staging / "tsconfig.json").write_text(TSCONFIG, encoding="utf-8")
    done = subprocess.run(
        ["node", str(compiler), "-p", str(staging / "tsconfig.json")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"tsc failed:\n{done.stdout}{done.stderr}")
    (staging / "ok").write_text("", encoding="utf-8")
    try:
        staging.rename(build)
    except OSError:  # another worker finished the same build first
        shutil.rmtree(staging, ignore_errors=True)
    return build


def synth_all(out: Path) -> dict[str, Path]:
    """Synthesize every app (one ``node`` run of ``main.ts``) into ``out/<app>.out``; returns
    app name -> its ``cdk.out`` folder."""
    out.mkdir(parents=True, exist_ok=True)
    env = {"PATH": os.environ.get("PATH", ""), "EDGEKIT_CDK_OUT": str(out), "HOME": str(out)}
    done = subprocess.run(
        ["node", str(compiled() / "js" / "main.js")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env=env,
        cwd=out,
    )
    found = {p.name.removesuffix(".out"): p for p in sorted(out.glob("*.out"))}
    if done.returncode != 0 or not all((p / "manifest.json").exists() for p in found.values()):
        raise RuntimeError(f"synth failed:\n{done.stdout}{done.stderr}")
    return found
