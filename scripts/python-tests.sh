#!/usr/bin/env bash
# Builds the Python extension (python/, maturin) and runs the Python test suite: pytest over
# python/tests (queries, interop with networkx and pandas, pickling, exceptions, doctests, the
# docs/python.md walkthrough, stubtest on the type stubs, the view in headless Chromium, the exporters read back by
# third-party readers). Installs what it needs into a virtualenv on a fresh machine.
#
#   DIPLOGRAPH_VENV   where the virtualenv lives (default: target/python-venv)
#   PYTHON            the interpreter to create it with (default: python3)
#   DIPLOGRAPH_PY_PROFILE  the cargo profile of the extension (default: release; the full test
#                     run in scripts/test.sh uses dev, which builds in a fraction of the time)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

venv=${DIPLOGRAPH_VENV:-$root/target/python-venv}
python=${PYTHON:-python3}

if [ ! -x "$venv/bin/python" ]; then
  echo "== creating virtualenv $venv"
  if ! "$python" -m venv "$venv" 2>/dev/null; then
    # Debian's python3 ships venv separately.
    rm -rf "$venv"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq python3-venv >/dev/null
    "$python" -m venv "$venv"
  fi
fi
py="$venv/bin/python"

echo "== pip install (maturin, pytest, mypy, networkx, pandas, test requirements)"
"$py" -m pip install -q --upgrade pip
requirements=()
[ -f python/requirements-test.txt ] && requirements=(-r python/requirements-test.txt)
"$py" -m pip install -q "maturin>=1.7,<2" "pytest>=7" "mypy>=1.10" "networkx>=3" "pandas>=2" "${requirements[@]}"

profile=${DIPLOGRAPH_PY_PROFILE:-release}
echo "== maturin build (profile $profile) and install the wheel"
wheels=$(mktemp -d)
trap 'rm -rf "$wheels"' EXIT
(cd python && "$venv/bin/maturin" build --profile "$profile" --quiet -o "$wheels" -i "$py")
"$py" -m pip install -q --force-reinstall --no-deps "$wheels"/diplograph-*.whl

echo "== pytest"
set +e
"$py" -m pytest -q -p no:cacheprovider python/tests
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure" >&2
  exit 1
fi
exit "$status"
