#!/usr/bin/env bash
# Watch (sync) latency and idle cost of the native composer:
#   1. from a file written on the host to its new content readable inside the container: p50 and p95 over EDITS
#      single-file edits, and over ROUNDS rounds of 10 files saved at once (until all 10 are readable);
#   2. the engine floor of the same path: the file sent straight through the archive API (tar + PUT), then read back;
#   3. idle CPU (share of one core over IDLE_SECONDS) and memory (RSS, peak RSS) of `composer watch` on a tree of
#      TREE_FILES files (100 per folder), and the time it takes to start watching it.
# "Readable" is checked from the host through the engine's archive API (GET), polled without sleeping, so each figure
# includes one read's latency (a few ms). Watching is ended with SIGTERM (a script's background job ignores SIGINT). Targets: p50 < 150 ms, p95 < 400 ms, idle CPU < 1% of a core, RSS < 120 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
edits=${EDITS:-100}
rounds=${ROUNDS:-20}
tree_files=${TREE_FILES:-100000}
idle_seconds=${IDLE_SECONDS:-30}
socket=${DOCKER_SOCKET:-/var/run/docker.sock}
work=$(mktemp -d)
project=benchwatch$$
composer=""
cleanup() {
  [[ -n ${watch_pid:-} ]] && kill -TERM "$watch_pid" 2>/dev/null && wait "$watch_pid" 2>/dev/null || true
  [[ -n $composer ]] && (cd "$work/app" 2>/dev/null && "$composer" -p "$project" down -t 0 --remove-orphans >/dev/null 2>&1) || true
  rm -rf "$work"
}
trap cleanup EXIT

# inotify needs one watch per folder of the watched tree (plus a few): check the limit before generating it.
folders=$(((tree_files + 99) / 100 + 16))
limit=$(cat /proc/sys/fs/inotify/max_user_watches)
if ((limit < folders * 2)); then
  echo "fs.inotify.max_user_watches is $limit; watching $tree_files files in $folders folders needs more." >&2
  echo "Raise it: sudo sysctl fs.inotify.max_user_watches=524288" >&2
  exit 1
fi

if [[ -n ${COMPOSER_BIN:-} ]]; then
  composer=$COMPOSER_BIN
else
  dotnet publish src/Composer.Cli -c Release -r linux-x64 -o "$work/composer" -nologo -v q >/dev/null
  composer="$work/composer/composer"
fi
bash scripts/stand-in-images.sh busybox:latest >/dev/null

mkdir -p "$work/app/src" "$work/app/tree"
cat >"$work/app/compose.yaml" <<'YAML'
services:
  app:
    image: busybox:latest
    command: ["sleep", "3600"]
    stop_signal: SIGKILL
    develop:
      watch:
        - path: ./src
          action: sync
          target: /src
YAML
cat >"$work/app/compose.tree.yaml" <<'YAML'
services:
  tree:
    image: busybox:latest
    command: ["sleep", "3600"]
    stop_signal: SIGKILL
    develop:
      watch:
        - path: ./tree
          action: sync
          target: /tree
YAML
for i in $(seq 0 9); do echo "start" >"$work/app/src/f$i.txt"; done
cd "$work/app"
"$composer" -p "$project" up -d >/dev/null 2>&1
container="$project-app-1"

now_ms() { echo $(($(date +%s%N) / 1000000)); }
# read PATH -> the file's content in the container, or nothing (GET archive, one tar entry).
read_in_container() {
  curl -s --unix-socket "$socket" "http://localhost/containers/$container/archive?path=$1" 2>/dev/null | tar -xO 2>/dev/null || true
}
until_in_container() { # path content
  until [[ "$(read_in_container "$1")" == "$2" ]]; do :; done
}
percentile() { # p -> the p-th percentile of the numbers on stdin
  sort -n | awk -v p="$1" '{ a[NR] = $1 } END { i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; print a[i] }'
}

# --- the engine floor: the same file sent by hand through the archive API ----------------------------------------
floor=()
for n in $(seq 1 20); do
  start=$(now_ms)
  echo "floor $n" >"$work/app/src/f0.txt"
  tar -C "$work/app" -cf - src/f0.txt | curl -s --unix-socket "$socket" -X PUT -H 'Content-Type: application/x-tar' \
    --data-binary @- "http://localhost/containers/$container/archive?path=/" >/dev/null
  until_in_container /src/f0.txt "floor $n"
  floor+=($(($(now_ms) - start)))
done

# --- composer watch ----------------------------------------------------------------------------------------------
"$composer" -p "$project" watch --no-up >"$work/watch.log" 2>&1 &
watch_pid=$!
until grep -q "watching app" "$work/watch.log"; do sleep 0.05; done

single=()
for n in $(seq 1 "$edits"); do
  start=$(now_ms)
  echo "edit $n" >"$work/app/src/f0.txt"
  until_in_container /src/f0.txt "edit $n"
  single+=($(($(now_ms) - start)))
done

burst=()
for n in $(seq 1 "$rounds"); do
  start=$(now_ms)
  for i in $(seq 0 9); do echo "round $n" >"$work/app/src/f$i.txt"; done
  for i in $(seq 0 9); do until_in_container "/src/f$i.txt" "round $n"; done
  burst+=($(($(now_ms) - start)))
done
kill -TERM "$watch_pid"; wait "$watch_pid" 2>/dev/null || true; watch_pid=""

# --- idle cost on a large tree -----------------------------------------------------------------------------------
for d in $(seq 0 $(((tree_files + 99) / 100 - 1))); do
  mkdir -p "tree/d$d"
  (cd "tree/d$d" && for f in $(seq 0 99); do :>"f$f"; done)
done
"$composer" -p "$project" -f compose.tree.yaml up -d >/dev/null 2>&1
start=$(now_ms)
"$composer" -p "$project" -f compose.tree.yaml watch --no-up >"$work/tree.log" 2>&1 &
watch_pid=$!
until grep -q "watching tree" "$work/tree.log"; do sleep 0.05; done
ready_ms=$(($(now_ms) - start))
ticks=$(getconf CLK_TCK)
cpu_before=$(awk '{ print $14 + $15 }' "/proc/$watch_pid/stat")
sleep "$idle_seconds"
cpu_after=$(awk '{ print $14 + $15 }' "/proc/$watch_pid/stat")
rss_kb=$(awk '/^VmRSS/ { print $2 }' "/proc/$watch_pid/status")
hwm_kb=$(awk '/^VmHWM/ { print $2 }' "/proc/$watch_pid/status")

printf '%s\n' "${floor[@]}" >"$work/floor"; printf '%s\n' "${single[@]}" >"$work/single"; printf '%s\n' "${burst[@]}" >"$work/burst"
echo "sync latency, host write -> readable in the container (ms):"
printf '  %-34s p50 %4s  p95 %4s\n' "engine floor (tar + PUT, 20 runs)" "$(percentile 50 <"$work/floor")" "$(percentile 95 <"$work/floor")"
printf '  %-34s p50 %4s  p95 %4s   (target p50 < 150, p95 < 400)\n' "composer watch, 1 file ($edits edits)" "$(percentile 50 <"$work/single")" "$(percentile 95 <"$work/single")"
printf '  %-34s p50 %4s  p95 %4s\n' "composer watch, 10 files ($rounds rounds)" "$(percentile 50 <"$work/burst")" "$(percentile 95 <"$work/burst")"
echo "watching $tree_files files in $(((tree_files + 99) / 100)) folders:"
echo "  ready to watch after ${ready_ms} ms"
awk -v t="$((cpu_after - cpu_before))" -v hz="$ticks" -v s="$idle_seconds" \
  'BEGIN { printf "  idle CPU: %.2f%% of a core over %d s   (target < 1%%)\n", 100 * t / hz / s, s }'
echo "  RSS: $((rss_kb / 1024)) MB, peak $((hwm_kb / 1024)) MB   (target < 120 MB)"
