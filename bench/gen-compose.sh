#!/usr/bin/env bash
# Writes a compose file with N services that exercises anchors, merge keys, interpolation and extends.
# usage: gen-compose.sh N OUT_DIR   (writes OUT_DIR/compose.yaml and OUT_DIR/base.yaml)
set -euo pipefail
count=$1
out=$2
mkdir -p "$out"
cat >"$out/base.yaml" <<'YAML'
services:
  base:
    image: busybox:latest
    environment:
      BASE: "1"
    labels:
      tier: bench
YAML
{
  echo "x-common: &common"
  echo "  restart: \"no\""
  echo "  environment:"
  echo "    REGION: \${REGION:-local}"
  echo "    LEVEL: \${LEVEL:-info}"
  echo "  command: [\"sleep\", \"3600\"]"
  echo "services:"
  for i in $(seq 1 "$count"); do
    echo "  svc$i:"
    echo "    <<: *common"
    echo "    extends:"
    echo "      file: base.yaml"
    echo "      service: base"
    echo "    labels:"
    echo "      index: \"$i\""
    if [ "$i" -gt 1 ]; then
      echo "    depends_on: [svc$((i - 1))]"
    fi
  done
} >"$out/compose.yaml"
