#!/usr/bin/env bash
# The whole test suite, as `make test` and CI run it.
set -euo pipefail
cd "$(dirname "$0")/.."

# SARIF output is validated against the official schema whenever ../shared exists.
if [ -d ../shared ] && ! python3 -c 'import jsonschema' 2>/dev/null; then
  python3 -m pip install -q jsonschema 2>/dev/null || scripts/apt-install.sh python3-jsonschema
fi

swift build --build-tests
# End-to-end tests run the real binary from .build/debug.
swift test --skip-build
.build/debug/medlint test-rules
# About a minute of fuzzing with a fixed seed (a crash fails the run; its input is left in .build-fuzz/).
make fuzz FUZZ_ARGS="-seed=1 -runs=1500"

# pre-commit hooks (through a real pre-commit), the GitHub Action and workflows (actionlint,
# zizmor, check-jsonschema), in a throwaway virtual environment.
scripts/test-integrations.sh
