#!/usr/bin/env bash
# The long form of the fault-injection suite (tests/Composer.Faults.Tests): the same trials CI runs in a short form,
# as many times as asked, against a dockerd of the suite's own in a network namespace of its own (never the machine's
# engine). Prints one line of figures per kind of trial: trials, failures, duplicates, leftovers, converged.
#   FAULT_TRIALS   SIGKILLs of up, of a recreating up and of down (each followed by a converging run); default 200
#   FAULT_ROUNDS   rounds of 2- and 4-way concurrent up, 2-way concurrent down, engine SIGTERM and SIGKILL; default 10
#   FAULT_COMMANDS short exec/run commands in a real terminal (tmux); default 100
#   FAULT_SEED     repeat a run's random kill points
set -uo pipefail
cd "$(dirname "$0")/.."
export FAULT_TRIALS=${FAULT_TRIALS:-200} FAULT_ROUNDS=${FAULT_ROUNDS:-10} FAULT_COMMANDS=${FAULT_COMMANDS:-100}
report=$(mktemp)
export FAULTS_REPORT=$report
command -v tmux >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux >/dev/null
dotnet build tests/Composer.Faults.Tests -c Release -nologo -v q -clp:ErrorsOnly || exit 1
dotnet test tests/Composer.Faults.Tests -c Release --no-build -nologo --logger "console;verbosity=normal" >"$report.log" 2>&1
rc=$?
echo "fault-injection figures (FAULT_TRIALS=$FAULT_TRIALS FAULT_ROUNDS=$FAULT_ROUNDS FAULT_COMMANDS=$FAULT_COMMANDS):"
cat "$report"
[ "$rc" -eq 0 ] || { echo "some trials failed; details: $report.log"; exit 1; }
