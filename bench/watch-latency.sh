#!/usr/bin/env bash
# Watch (sync) latency and idle cost of the native composer:
#   1. from a file written on the host to its new content seen inside the container: p50 and p95 over EDITS
#      single-file edits, and over ROUNDS rounds of 10 files saved at once (until all 10 are seen);
#   2. the engine floor of the same path: a tar made beforehand, sent by hand through the archive API (one curl PUT);
#   3. idle CPU (share of one core over IDLE_SECONDS) and memory (RSS, peak RSS) of `composer watch` on a tree of
#      TREE_FILES files (100 per folder), and the time it takes to start watching it.
# The probe runs inside the container: a shell loop (busybox builtins, every 5 ms, about 5% of a core) prints the ten
# files' contents whenever they change; the engine stamps each printed line as it receives it (`docker logs -t`), on
# the host's clock, and that stamp is when the content was seen. Nothing polls the engine: reading a file back
# through the archive API costs the engine as much as the copy itself and would be measured with it.
# The lines are read from the log stream without polling. SIGTERM or SIGINT ends the script cleanly (watch stopped,
# project down, temporary files gone). Targets: p50 < 150 ms, p95 < 400 ms, idle CPU < 1% of a core, RSS < 120 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
edits=${EDITS:-100}
rounds=${ROUNDS:-20}
floor_runs=${FLOOR_RUNS:-20}
tree_files=${TREE_FILES:-100000}
idle_seconds=${IDLE_SECONDS:-30}
socket=${DOCKER_SOCKET:-/var/run/docker.sock}
work=$(mktemp -d)
project=benchwatch$$
composer=""
watch_pid=""
logs_pid=""
sleep_pid=""
cleanup() {
  trap '' TERM INT
  for pid in "$watch_pid" "$logs_pid" "$sleep_pid"; do
    [[ -n $pid ]] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  if [[ -n $composer && -d $work/app ]]; then
    (cd "$work/app" && "$composer" -p "$project" down -t 0 --remove-orphans >/dev/null 2>&1) || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 143' TERM
trap 'echo "interrupted" >&2; exit 130' INT

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
# The probe: one line "c0|c1|...|c9|" (- for a missing file) each time a file's content changes.
cat >"$work/app/compose.yaml" <<'YAML'
services:
  app:
    image: busybox:latest
    command:
      - sh
      - -c
      - |
        last=
        while :; do
          s=
          for f in /src/f0.txt /src/f1.txt /src/f2.txt /src/f3.txt /src/f4.txt /src/f5.txt /src/f6.txt /src/f7.txt /src/f8.txt /src/f9.txt; do
            c=-
            [ -f $$f ] && read -r c < $$f
            s="$$s$$c|"
          done
          if [ "$$s" != "$$last" ]; then echo "$$s"; last=$$s; fi
          usleep 5000
        done
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

# The probe's lines, stamped by the engine, through a fifo read with blocking reads.
mkfifo "$work/probe"
docker logs -f -t --since 0 "$container" >"$work/probe" 2>&1 &
logs_pid=$!
exec 3<"$work/probe"

now_ns() { date +%s%N; }
# seen N VALUE START_NS -> milliseconds from START_NS until the probe printed a line whose first N fields are VALUE.
seen() {
  local want=$1 value=$2 start=$3 line stamp fields i ok
  while true; do
    if ! IFS= read -r -t 30 line <&3; then
      echo "the probe did not see \"$value\" within 30 s (watch log: $(tail -3 "$work/watch.log" 2>/dev/null | tr '\n' ' '))" >&2
      exit 1
    fi
    stamp=${line%% *}
    IFS='|' read -r -a fields <<<"${line#* }"
    ok=1
    for ((i = 0; i < want; i++)); do [[ ${fields[i]:-} == "$value" ]] || { ok=0; break; }; done
    if ((ok)); then
      echo $((($(date -d "$stamp" +%s%N) - start) / 1000000))
      return
    fi
  done
}
percentile() { # p -> the p-th percentile of the numbers on stdin
  sort -n | awk -v p="$1" '{ a[NR] = $1 } END { i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; print a[i] }'
}

# --- the engine floor: the archive upload alone (the tar made beforehand, one curl PUT) ---------------------------
floor=()
mkdir -p "$work/floorsrc/src"
for n in $(seq 1 "$floor_runs"); do
  echo "floor $n" >"$work/floorsrc/src/f0.txt"
  tar -C "$work/floorsrc" -cf "$work/floor.tar" src/f0.txt
  start=$(now_ns)
  curl -s --unix-socket "$socket" -X PUT -H 'Content-Type: application/x-tar' \
    --data-binary @"$work/floor.tar" "http://localhost/containers/$container/archive?path=/" >/dev/null
  floor+=("$(seen 1 "floor $n" "$start")")
done

# --- composer watch ----------------------------------------------------------------------------------------------
:>"$work/watch.log"
"$composer" -p "$project" watch --no-up >"$work/watch.log" 2>&1 &
watch_pid=$!
until grep -q "watching app" "$work/watch.log"; do
  kill -0 "$watch_pid" 2>/dev/null || { echo "composer watch ended: $(cat "$work/watch.log")" >&2; exit 1; }
  sleep 0.05
done

single=()
for n in $(seq 1 "$edits"); do
  start=$(now_ns)
  echo "edit $n" >src/f0.txt
  single+=("$(seen 1 "edit $n" "$start")")
done

burst=()
for n in $(seq 1 "$rounds"); do
  start=$(now_ns)
  for i in $(seq 0 9); do echo "round $n" >"src/f$i.txt"; done
  burst+=("$(seen 10 "round $n" "$start")")
done
kill -TERM "$watch_pid"
wait "$watch_pid" 2>/dev/null || true
watch_pid=""

# --- idle cost on a large tree -----------------------------------------------------------------------------------
for d in $(seq 0 $(((tree_files + 99) / 100 - 1))); do
  mkdir -p "tree/d$d"
  (cd "tree/d$d" && for f in $(seq 0 99); do :>"f$f"; done)
done
"$composer" -p "$project" -f compose.tree.yaml up -d >/dev/null 2>&1
start=$(now_ns)
:>"$work/tree.log"
"$composer" -p "$project" -f compose.tree.yaml watch --no-up >"$work/tree.log" 2>&1 &
watch_pid=$!
until grep -q "watching tree" "$work/tree.log"; do
  kill -0 "$watch_pid" 2>/dev/null || { echo "composer watch ended: $(cat "$work/tree.log")" >&2; exit 1; }
  sleep 0.05
done
ready_ms=$((($(now_ns) - start) / 1000000))
ticks=$(getconf CLK_TCK)
cpu_before=$(awk '{ print $14 + $15 }' "/proc/$watch_pid/stat")
sleep "$idle_seconds" &
sleep_pid=$!
wait "$sleep_pid"
sleep_pid=""
cpu_after=$(awk '{ print $14 + $15 }' "/proc/$watch_pid/stat")
rss_kb=$(awk '/^VmRSS/ { print $2 }' "/proc/$watch_pid/status")
hwm_kb=$(awk '/^VmHWM/ { print $2 }' "/proc/$watch_pid/status")

printf '%s\n' "${floor[@]}" >"$work/floor"; printf '%s\n' "${single[@]}" >"$work/single"; printf '%s\n' "${burst[@]}" >"$work/burst"
echo "sync latency, host write -> new content seen in the container (ms):"
printf '  %-38s p50 %4s  p95 %4s\n' "engine floor (curl PUT, $floor_runs runs)" "$(percentile 50 <"$work/floor")" "$(percentile 95 <"$work/floor")"
printf '  %-38s p50 %4s  p95 %4s   (target p50 < 150, p95 < 400)\n' "composer watch, 1 file ($edits edits)" "$(percentile 50 <"$work/single")" "$(percentile 95 <"$work/single")"
printf '  %-38s p50 %4s  p95 %4s\n' "composer watch, 10 files ($rounds rounds)" "$(percentile 50 <"$work/burst")" "$(percentile 95 <"$work/burst")"
echo "watching $tree_files files in $(((tree_files + 99) / 100)) folders:"
echo "  ready to watch after ${ready_ms} ms"
awk -v t="$((cpu_after - cpu_before))" -v hz="$ticks" -v s="$idle_seconds" \
  'BEGIN { printf "  idle CPU: %.2f%% of a core over %d s   (target < 1%%)\n", 100 * t / hz / s, s }'
echo "  RSS: $((rss_kb / 1024)) MB, peak $((hwm_kb / 1024)) MB   (target < 120 MB)"
