#!/usr/bin/env bash
# Runs every test: formatting, lints, the Rust test suites (unit, integration, doctests, CLI),
# the API docs with warnings as errors, then builds the Python wheel as it is handed to others
# (manylinux2014, abi3: scripts/build-wheel.sh), tries it alone in a clean virtualenv and runs the
# pytest suite on it (the notebook examples/analyst.ipynb and the third-party readers the
# exporters are checked against included), and finally checks that
# the crates and the Python sdist build as published (scripts/package-check.sh). Installs what
# it needs on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --workspace --locked
echo "== cargo doc (warnings are errors: broken intra-doc links fail)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked
echo "== benchmark smoke pass (XS graph, each bench once in criterion's test mode, no timings)"
cargo run -q --locked -p diplograph-benches --bin gen -- XS
DIPLOGRAPH_BENCH_SCALE=XS cargo bench -q --profile dev --locked -p diplograph-benches -- --test
if [ -d python/tests ]; then
  echo "== python"
  # The tests check behaviour, not speed: a dev build of the extension is enough.
  # setup.sh installed the browser: its tests must run, not skip.
  DIPLOGRAPH_REQUIRE_BROWSER=1 DIPLOGRAPH_PY_PROFILE=${DIPLOGRAPH_PY_PROFILE:-dev} bash scripts/python-tests.sh
fi
echo "== packages: cargo package (core, CLI), maturin sdist + pip install of the sdist"
bash scripts/package-check.sh
