#!/usr/bin/env bash
# Checks that what we would publish builds on its own, away from the repository:
#   1. `cargo package` of the core crate and the CLI: each .crate is unpacked and built by cargo
#      (the CLI against the packaged core), so a file the crate needs but does not ship fails;
#   2. `maturin sdist` of the Python package, then `pip install` of that sdist into a throwaway
#      virtualenv (a dev build of the extension: this checks the sdist, not speed), then the
#      installed package is imported and the code block of python/README.md (the package
#      index's front page) is run.
# Called by scripts/test.sh. Needs python3 with venv; installs maturin into the throwaway venv.
#
#   PYTHON  the interpreter to create the virtualenv with (default: python3)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

echo "== cargo package (diplograph, diplograph-cli): build each from its .crate"
# --allow-dirty: the check is about the files the crates ship, and must also run on work in
# progress; cargo still packages only files that git tracks or that the manifest names.
# The verify build treats the packaged core as an immutable registry crate (same name, same
# version), so a second run on the same machine would build the CLI against the core as it was
# the first time, twice over: cargo unpacks it once into $CARGO_HOME/registry/src/-<hash of the
# temporary registry's path>/ and never again, and reuses its compiled library from the target
# directory without looking at the source. So: no earlier package, no earlier unpacked copy of
# ours (only our crates, only in those path-registry folders), and a target directory of the
# verify builds' own, removed after.
rm -rf target/package target/package-verify
for unpacked in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/-*/diplograph-*; do
  [ -e "$unpacked" ] && rm -rf "$unpacked"
done
CARGO_TARGET_DIR="$root/target/package-verify" \
  cargo package --locked --allow-dirty -p diplograph -p diplograph-cli
rm -rf target/package-verify

echo "== maturin sdist, pip install of the sdist into a throwaway venv"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python=${PYTHON:-python3}
"$python" -m venv "$work/venv"
py="$work/venv/bin/python"
"$py" -m pip install -q --upgrade pip
"$py" -m pip install -q "maturin>=1.7,<2"
(cd python && "$work/venv/bin/maturin" sdist --out "$work/sdist")
sdist=("$work"/sdist/diplograph-*.tar.gz)
[ -f "${sdist[0]}" ] || { echo "maturin sdist made no diplograph-*.tar.gz" >&2; exit 1; }
# A dev build keeps this to a fraction of a release build; the sdist is unpacked and built in a
# temporary folder of pip's, with no repository beside it. The build shares no target directory
# with the workspace, so that nothing from the repository can leak into it.
MATURIN_PEP517_ARGS="--profile dev" CARGO_TARGET_DIR="$work/target" \
  "$py" -m pip install -q "${sdist[0]}"

echo "== the installed package: import it, run python/README.md's example"
cd "$work"  # away from python/diplograph, so that the installed package is the one imported
"$py" - "$root/python/README.md" <<'PY'
import re
import sys

import diplograph

assert "site-packages" in diplograph.__file__, diplograph.__file__
g = diplograph.example()
assert (len(g), g.edge_count) == (76, 230), (len(g), g.edge_count)

readme = open(sys.argv[1], encoding="utf-8").read()
blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
assert len(blocks) == 1, f"python/README.md should hold one python block, found {len(blocks)}"
namespace: dict = {}
exec(compile(blocks[0], "python/README.md", "exec"), namespace)
assert [hop.link.agreement.id for hop in namespace["chain"].hops] == ["gsomia-kor-usa", "gsomia-jpn-usa"]
print(f"installed {diplograph.__file__}: example has {len(g)} nodes, {g.edge_count} edges; README example ok")
PY
