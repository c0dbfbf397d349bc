#!/usr/bin/env bash
# Runs every test: formatting, lints, the Rust test suites (unit, integration, doctests, CLI),
# then builds the Python extension and runs the pytest suite with the third-party readers the
# exporters are checked against. Installs what it needs on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

echo "== cargo fmt --check"
cargo fmt --all --check
echo "== cargo clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test"
cargo test --workspace --locked
if [ -d python/tests ]; then
  echo "== python"
  bash scripts/python-tests.sh
fi
