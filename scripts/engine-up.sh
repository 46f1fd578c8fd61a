#!/usr/bin/env bash
# Makes sure a Docker engine answers on this machine: installs docker.io if missing, starts dockerd in the
# background (log: /var/log/composer-dockerd.log) and waits for /_ping. Idempotent.
set -euo pipefail

socket=/var/run/docker.sock

ping_engine() {
  curl -fsS --max-time 2 --unix-socket "$socket" http://localhost/_ping >/dev/null 2>&1
}

if ping_engine; then
  echo "engine: already answering on $socket"
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
  echo "engine: installing docker.io"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq docker.io busybox-static curl >/dev/null
fi

echo "engine: starting dockerd"
nohup dockerd >/var/log/composer-dockerd.log 2>&1 &

for _ in $(seq 1 60); do
  if ping_engine; then
    echo "engine: ready"
    exit 0
  fi
  sleep 1
done

echo "engine: dockerd did not answer on $socket within 60 s; see /var/log/composer-dockerd.log" >&2
tail -n 20 /var/log/composer-dockerd.log >&2 || true
exit 1
