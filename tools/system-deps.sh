#!/bin/sh
# Ensure the system packages edgekit needs: Python >= 3.11 with venv, Graphviz (dot), and
# Debian's chromium + chromium-driver (the test suite opens the HTML reports in a real headless
# browser; never a downloaded browser build), and Node.js with npm for the CDK snippet harness.
# As root, installs what is missing with apt-get; otherwise prints the one command to run.
set -eu

missing=""
PY="${PYTHON:-python3}"

if ! command -v "$PY" >/dev/null 2>&1; then
  echo "edgekit: $PY not found; install Python 3.11 or newer" >&2
  exit 1
fi
if ! "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  echo "edgekit: $($PY --version 2>&1) is too old; Python 3.11 or newer is required" >&2
  exit 1
fi
# Debian splits venv/ensurepip into python3-venv.
if ! "$PY" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  missing="$missing python3-venv"
fi
if ! command -v dot >/dev/null 2>&1; then
  missing="$missing graphviz"
fi
if ! command -v chromium >/dev/null 2>&1; then
  missing="$missing chromium"
fi
if ! command -v chromedriver >/dev/null 2>&1; then
  missing="$missing chromium-driver"
fi
# The test suite compiles the plan's CDK snippets with tsc (tools/cdk-harness, npm ci).
if ! command -v npm >/dev/null 2>&1; then
  missing="$missing nodejs npm"
fi

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "edgekit: installing system packages:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  exit 0
fi

echo "edgekit: missing system packages:$missing" >&2
echo "run this once, then retry:  sudo apt-get install -y$missing" >&2
exit 1
