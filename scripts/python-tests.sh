#!/usr/bin/env bash
# Builds the Python package's wheel as it is handed to others (scripts/build-wheel.sh:
# manylinux2014, abi3, tags checked), installs it alone into a clean virtualenv and asks it a
# question there, then installs it into the test virtualenv and runs the Python test suite:
# pytest over python/tests (queries, interop with networkx and pandas, pickling, exceptions,
# doctests, the docs/python.md walkthrough and its record tables, the notebook
# examples/analyst.ipynb executed by nbconvert, the view in headless Chromium, stubtest on the type stubs, the exporters read
# back by third-party readers). Installs what it needs into a virtualenv on a fresh machine.
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
echo "== the wheel others install (scripts/build-wheel.sh, profile $profile): manylinux2014, abi3"
wheels=$(mktemp -d)
trap 'rm -rf "$wheels"' EXIT
wheel=$(bash scripts/build-wheel.sh --profile "$profile" -o "$wheels" | tail -n 1)

echo "== the wheel in a clean virtualenv: install it alone, import it, ask the example a question"
"$python" -m venv "$wheels/clean"
# No index, no dependencies: the wheel must need nothing but itself.
"$wheels/clean/bin/python" -m pip install -q --no-index --no-deps "$wheel"
(cd "$wheels" && "$wheels/clean/bin/python" - <<'PY'
import diplograph

assert "site-packages" in diplograph.__file__, diplograph.__file__
g = diplograph.example()
hops = g.path("Seoul", "Tokyo", via="intelligence", as_of="2016-06-04")[0].hops
assert [h.link.agreement.id for h in hops] == ["gsomia-kor-usa", "gsomia-jpn-usa"], hops
print(f"wheel ok: {diplograph.__file__}, {len(g)} nodes, Seoul -> Tokyo by {[h.link.agreement.id for h in hops]}")
PY
)

echo "== install the wheel into $venv"
"$py" -m pip install -q --force-reinstall --no-deps "$wheel"

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
