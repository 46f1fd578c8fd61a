#!/usr/bin/env bash
# Runs every test project, one after another (engine suites must not overlap), against a real engine that this
# script starts if needed. Ends with one line "N passed, N failed[, N skipped]" summed over all projects and exits
# non-zero on any failure, including a project that does not build.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/engine-up.sh || exit 1
# The terminal tests drive the live progress view in a real terminal.
command -v tmux >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux >/dev/null || exit 1
# The BuildKit ssh forwarding tests start an ssh-agent of their own and make keys with ssh-keygen.
command -v ssh-agent >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssh-client >/dev/null || exit 1
# Only the images the tests use: building all stand-ins takes minutes on a fresh machine.
# busybox: most engine tests; postgres, python, redis and nginx: the examples (tests/Composer.Examples.Tests);
# registry: push/pull.
bash scripts/stand-in-images.sh busybox:latest postgres:16 python:3.12-slim redis:7 nginx:1.27 registry:2 || exit 1

results=$(mktemp -d)
passed=0 failed=0 skipped=0 broken=0

dotnet build Composer.sln -c Release -nologo -v q -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

# The end-to-end and example tests run the native AOT executable, the build users get (README: release build);
# the linker driver is gcc.
command -v gcc >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc libc6-dev >/dev/null || exit 1
native="$results/native"
if dotnet publish src/Composer.Cli -c Release -r linux-x64 -o "$native" -nologo -v q -clp:ErrorsOnly; then
  export COMPOSER_BIN="$native/composer"
else
  echo "native publish of src/Composer.Cli failed"
  broken=$((broken + 1))
fi

for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  echo "=== $name"
  log="$results/$name.log"
  dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results" 2>&1 | tee "$log"
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "$name: no test results (crashed or did not run)"
    broken=$((broken + 1))
    continue
  fi
  # The TRX summary counters are the runner's own totals for the project.
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  p=$(value passed); f=$(value failed); t=$(value total); e=$(value executed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${t:-0} - ${e:-0}))
done

failed=$((failed + broken))
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
