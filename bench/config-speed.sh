#!/usr/bin/env bash
# Whole-process speed of `config -q`: Composer on a 1,000-service file against docker-compose v1 (Debian's
# docker-compose 1.29.2) on a 20-service file, in the same run. Prints medians of RUNS runs and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
work=$(mktemp -d)
bash bench/gen-compose.sh 1000 "$work/big"
bash bench/gen-compose.sh 20 "$work/small"
command -v docker-compose >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
# The native AOT executable, as a release build ships it (PublishAot in the project): start-up is most of a short command.
# COMPOSER_BIN: an already published composer.
if [[ -n ${COMPOSER_BIN:-} ]]; then
  composer=$COMPOSER_BIN
else
  dotnet publish src/Composer.Cli -c Release -r linux-x64 -o "$work/composer" -nologo -v q >/dev/null
  composer="$work/composer/composer"
fi

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
time_ms() { # command... -> elapsed ms of one whole-process run
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

composer_ms=$(for _ in $(seq "$runs"); do time_ms "$composer" -f "$work/big/compose.yaml" config -q; done | median)
compose_ms=$(for _ in $(seq "$runs"); do time_ms docker-compose -f "$work/small/compose.yaml" config -q; done | median)
echo "composer config -q, 1000 services: ${composer_ms} ms (median of $runs)"
echo "docker-compose config -q, 20 services: ${compose_ms} ms (median of $runs)"
awk -v a="$composer_ms" -v b="$compose_ms" 'BEGIN { printf "ratio composer/docker-compose: %.2f\n", a / b }'
rm -rf "$work"
