#!/usr/bin/env bash
# Whole-process `up -d` (from nothing), `up -d` (nothing to do) and `down`, for generated stacks of 20 and 50
# busybox services: Composer, docker-compose v1 (Debian 1.29.2) and the engine floor, side by side in one run.
# Prints a Markdown table of medians (RUNS runs, default 3) and the ratios the issue sets targets for, plus
# Composer's peak memory (max RSS).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
sizes=${SIZES:-"20 50"}
work=$(mktemp -d)
command -v docker-compose >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
# The native AOT executable, as a release build ships it (PublishAot in the project): start-up is most of a short command.
# COMPOSER_BIN: an already published composer (so that a slow publish need not run while the engine lock is held).
if [[ -n ${COMPOSER_BIN:-} ]]; then
  composer=$COMPOSER_BIN
else
  dotnet publish src/Composer.Cli -c Release -r linux-x64 -o "$work/composer" -nologo -v q >/dev/null
  composer="$work/composer/composer"
fi

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
ms() { local start end; start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N); echo $(((end - start) / 1000000)); }
rss_kb() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1; }

echo "| services | tool | up -d (ms) | up -d again (ms) | down (ms) |"
echo "|---|---|---|---|---|"
for size in $sizes; do
  file="$work/stack$size.yaml"
  bash bench/gen-stack.sh "$size" "$file"
  declare -A up=() again=() down=()
  for tool in floor composer compose; do
    ups=() agains=() downs=()
    for run in $(seq "$runs"); do
      project="bench${size}${tool}${run}"
      case $tool in
        floor)
          ups+=("$(ms bash bench/engine-floor.sh up "$size" "$project")")
          agains+=(0)
          downs+=("$(ms bash bench/engine-floor.sh down "$size" "$project")") ;;
        composer)
          ups+=("$(ms "$composer" -f "$file" -p "$project" up -d)")
          agains+=("$(ms "$composer" -f "$file" -p "$project" up -d)")
          downs+=("$(ms "$composer" -f "$file" -p "$project" down -t 0)") ;;
        compose)
          ups+=("$(ms docker-compose -f "$file" -p "$project" up -d)")
          agains+=("$(ms docker-compose -f "$file" -p "$project" up -d)")
          downs+=("$(ms docker-compose -f "$file" -p "$project" down -t 0)") ;;
      esac
    done
    up[$tool]=$(printf '%s\n' "${ups[@]}" | median)
    again[$tool]=$(printf '%s\n' "${agains[@]}" | median)
    down[$tool]=$(printf '%s\n' "${downs[@]}" | median)
    echo "| $size | $tool | ${up[$tool]} | ${again[$tool]} | ${down[$tool]} |"
  done
  awk -v c="${up[composer]}" -v f="${up[floor]}" -v d="${up[compose]}" -v ca="${again[composer]}" -v da="${again[compose]}" \
    -v cd="${down[composer]}" -v dd="${down[compose]}" -v n="$size" 'BEGIN {
      printf "\n%d services: up/floor %.2f (target <= 1.15), docker-compose/up %.2f (target >= 1.7), ", n, c / f, d / c
      printf "noop up/docker-compose %.2f (target <= 0.25), down/docker-compose %.2f (target <= 0.6)\n\n", ca / da, cd / dd }'
  memory=$(rss_kb "$composer" -f "$file" -p "bench${size}mem" up -d)
  "$composer" -f "$file" -p "bench${size}mem" down -t 0 >/dev/null 2>&1
  echo "Composer peak RSS for up -d of $size services: $((memory / 1024)) MiB"
  echo
done
rm -rf "$work"
