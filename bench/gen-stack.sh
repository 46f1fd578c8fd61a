#!/usr/bin/env bash
# Writes a runnable stack of N busybox services; every fifth service depends on the one before it.
# usage: gen-stack.sh N OUT_FILE
set -euo pipefail
count=$1
out=$2
{
  echo "services:"
  for i in $(seq 1 "$count"); do
    echo "  svc$i:"
    echo "    image: busybox:latest"
    echo "    command: [\"sleep\", \"3600\"]"
    echo "    stop_signal: SIGKILL"
    if [ $((i % 5)) -eq 0 ]; then
      echo "    depends_on: [svc$((i - 1))]"
    fi
  done
} >"$out"
