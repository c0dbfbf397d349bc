#!/usr/bin/env bash
# Builds the Python package's wheel for others to install: manylinux2014 (any Linux x86-64 with
# glibc 2.17 or later, which pip calls manylinux_2_17) and abi3 (one wheel for every CPython
# >= 3.9). A plain `maturin build` on this machine links against its own glibc and tags the
# wheel manylinux_2_34, which older distributions refuse; here maturin links with zig instead
# (`--zig`, the `ziglang` package from PyPI), which targets glibc 2.17 whatever the host has.
# Then checks the wheel's tags (its filename and its WHEEL file must say cp39-abi3 and
# manylinux2014, and `auditwheel show` must find it consistent with manylinux_2_17) and its long
# description (python/README.md): `twine check --strict` renders it as a package index would,
# and every link in it must be absolute.
#
#   bash scripts/build-wheel.sh              release wheel into target/wheels/
#   bash scripts/build-wheel.sh --dev        dev-profile wheel (fast to build, slow to run: tests)
#   bash scripts/build-wheel.sh -o DIR       into DIR
#   bash scripts/build-wheel.sh --profile P  with cargo profile P
#
#   DIPLOGRAPH_WHEEL_VENV  the virtualenv holding maturin, ziglang, auditwheel and twine
#                          (default: target/wheel-venv; made on first use)
#   PYTHON                 the interpreter to create it with (default: python3)
#
# Prints the wheel's path as its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

profile=release
out=$root/target/wheels
while [ $# -gt 0 ]; do
  case $1 in
    --dev) profile=dev ;;
    --profile) profile=$2; shift ;;
    -o) out=$2; shift ;;
    *) echo "usage: $0 [--dev | --profile P] [-o DIR]" >&2; exit 2 ;;
  esac
  shift
done

venv=${DIPLOGRAPH_WHEEL_VENV:-$root/target/wheel-venv}
# Every tool runs as `python -m`: a virtualenv's bin/ scripts name the path it was made at.
# The check renders Markdown with warnings as errors: readme_renderer only warns when its
# Markdown extra is missing.
if ! "$venv/bin/python" -W error -c "import maturin, ziglang, auditwheel, twine
from readme_renderer.markdown import render
assert render('[a](https://x)')" 2>/dev/null; then
  echo "== virtualenv $venv: maturin, ziglang, auditwheel" >&2
  "${PYTHON:-python3}" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q "maturin>=1.7,<2" "ziglang>=0.11" "auditwheel>=6" \
    "twine>=5" "readme_renderer[md]>=40"
fi

echo "== maturin build --profile $profile --zig --compatibility manylinux2014" >&2
mkdir -p "$out"
built=$(mktemp -d)
trap 'rm -rf "$built"' EXIT
# maturin finds zig through the ziglang package of the interpreter it runs with.
(cd python && PATH="$venv/bin:$PATH" "$venv/bin/python" -m maturin build --quiet --profile "$profile" \
  --zig --compatibility manylinux2014 -i "$venv/bin/python" -o "$built" >&2)
wheels=("$built"/diplograph-*.whl)
[ "${#wheels[@]}" -eq 1 ] && [ -f "${wheels[0]}" ] || { echo "expected one wheel, got: ${wheels[*]}" >&2; exit 1; }
wheel=${wheels[0]}
name=$(basename "$wheel")

echo "== checking the tags of $name" >&2
case $name in
  diplograph-*-cp39-abi3-manylinux2014_x86_64*.whl) ;;
  *) echo "$name: not a cp39-abi3 manylinux2014_x86_64 wheel" >&2; exit 1 ;;
esac
tags=$("$venv/bin/python" - "$wheel" <<'PY'
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as z:
    (info,) = [n for n in z.namelist() if n.endswith(".dist-info/WHEEL")]
    print(" ".join(line.split(": ", 1)[1] for line in z.read(info).decode().splitlines() if line.startswith("Tag: ")))
PY
)
case " $tags " in
  *" cp39-abi3-manylinux2014_x86_64 "*) ;;
  *) echo "$name: WHEEL file's tags are '$tags', not cp39-abi3-manylinux2014_x86_64" >&2; exit 1 ;;
esac
audit=$("$venv/bin/python" -m auditwheel show "$wheel")
if ! grep -q 'consistent with the following platform tag' <<<"$audit" ||
   ! grep -q '"manylinux_2_17_x86_64"' <<<"$audit"; then
  echo "auditwheel does not find $name manylinux_2_17 (manylinux2014):" >&2
  echo "$audit" >&2
  exit 1
fi

echo "== the long description (python/README.md) as a package index renders it" >&2
"$venv/bin/python" -m twine check --strict "$wheel" >&2
# A relative link would point into the index's own site: every link must be absolute.
"$venv/bin/python" - "$wheel" <<'PY'
import re
import sys
import warnings
import zipfile

from email.parser import Parser
from readme_renderer.markdown import render

with zipfile.ZipFile(sys.argv[1]) as z:
    (info,) = [n for n in z.namelist() if n.endswith(".dist-info/METADATA")]
    metadata = Parser().parsestr(z.read(info).decode())
assert metadata["Description-Content-Type"].startswith("text/markdown"), metadata["Description-Content-Type"]
with warnings.catch_warnings():
    warnings.simplefilter("error")  # no Markdown renderer is a failure, not a warning
    html = render(metadata.get_payload())
assert html, "the long description does not render"
links = re.findall(r'(?:href|src)="([^"]*)"', html)
relative = [link for link in links if not link.startswith(("https://", "http://", "#"))]
assert not relative, f"relative links in the long description (python/README.md): {relative}"
PY

mv -f "$wheel" "$out/"
echo "== built $out/$name (tags: $tags)" >&2
echo "$out/$name"
