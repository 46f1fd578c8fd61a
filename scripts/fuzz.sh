#!/usr/bin/env bash
# The long form of the loader fuzz run (issue 14); the CI form is 20,000 cases in tests/Composer.Loader.Tests.
# Runs CASES hostile inputs (default 1,000,000, numbered from FROM) through the whole loader and the config writers in
# a worker process that the driver restarts after a crash or a hang, and prints the counts, the rate and the peak RSS.
# Failures (case numbers) go to fuzz-failures.txt; `dotnet <program> show N` writes case N's files to look at.
#   CASES=1000000 FROM=0 NICE=19 bash scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."

program=tests/Fuzz/Composer.Loader.Fuzz
dotnet build "$program" -c Release -nologo -v q -clp:ErrorsOnly
# Run a copy: a build during a run of hours would otherwise overwrite the assemblies the worker has loaded.
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
cp -r "$program/bin/Release/net10.0/." "$copy"
nice -n "${NICE:-19}" dotnet "$copy/Composer.Loader.Fuzz.dll" run \
  --cases "${CASES:-1000000}" --from "${FROM:-0}" \
  --corpus "$(cd .. && pwd)/shared/conformance" --failures "${FAILURES:-fuzz-failures.txt}"
