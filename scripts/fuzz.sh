#!/usr/bin/env bash
# The long form of the loader fuzz run (issue 14); the CI form is 20,000 cases in tests/Composer.Loader.Tests.
# Runs CASES hostile inputs (default 1,000,000, numbered from FROM) through the whole loader and the config writers in
# WORKERS worker processes at once (default: one per core), each over chunks of CHUNK case numbers; the driver restarts
# a worker after a crash or a hang and counts them. It prints a progress line every PROGRESS seconds and, at the end or
# when stopped (Ctrl-C, SIGTERM), the counts of the cases actually run, the rate and the workers' peak RSS.
# Everything it prints also goes to LOG (default fuzz.log); failures (case numbers) go to fuzz-failures.txt;
# `dotnet <program> show N` writes case N's files to look at, `dotnet <program> profile --cases N` shows where the
# time goes.
#   CASES=1000000 FROM=0 WORKERS=2 NICE=19 bash scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."

program=tests/Fuzz/Composer.Loader.Fuzz
dotnet build "$program" -c Release -nologo -v q -clp:ErrorsOnly
# Run a copy: a build during a run of hours would otherwise overwrite the assemblies the workers load.
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
cp -r "$program/bin/Release/net10.0/." "$copy"
log=${LOG:-fuzz.log}
# The driver stops cleanly on SIGTERM and SIGINT: pass them on and wait for its figures.
nice -n "${NICE:-19}" dotnet "$copy/Composer.Loader.Fuzz.dll" run \
  --cases "${CASES:-1000000}" --from "${FROM:-0}" --workers "${WORKERS:-$(nproc)}" --chunk "${CHUNK:-10000}" \
  --progress "${PROGRESS:-60}" --corpus "$(cd .. && pwd)/shared/conformance" --failures "${FAILURES:-fuzz-failures.txt}" \
  > >(tee -a "$log") 2> >(tee -a "$log" >&2) &
driver=$!
trap 'kill -TERM $driver 2>/dev/null' TERM INT
status=0
wait $driver || status=$?
# A trapped signal interrupts the first wait; wait again for the driver's figures.
if kill -0 $driver 2>/dev/null; then wait $driver || status=$?; fi
wait
exit $status
