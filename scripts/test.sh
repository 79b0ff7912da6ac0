#!/usr/bin/env bash
# Runs every test of the solution. DOSSIER_LONG_TESTS=1 also runs the long fuzz cases.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test Dossier.slnx --configuration Release "$@"
