#!/usr/bin/env bash
# The README's main job: the headline use case, examples/model-api, on the local engine. A training job fits a model
# into a volume, an API built from a Dockerfile serves it behind nginx; the script asks for a prediction, scales the
# API to three replicas, shows three of them answering, and takes the stack down.
#   EXAMPLE=hello   the quick check instead: a busybox web server and a client, up --wait, one request, down
#   KEEP=1          leave the stack running
set -euo pipefail
cd "$(dirname "$0")/.."
example=${EXAMPLE:-model-api}
bash scripts/engine-up.sh
case "$example" in
  hello) bash scripts/stand-in-images.sh busybox:latest ;;
  model-api) bash scripts/stand-in-images.sh python:3.12-slim nginx:1.27 ;;
  *) echo "EXAMPLE must be model-api or hello (got '$example')" >&2; exit 2 ;;
esac
dotnet build src/Composer.Cli -c Release -nologo -v q -clp:ErrorsOnly
cli="$PWD/src/Composer.Cli/bin/Release/net10.0/composer.dll"
composer() { dotnet "$cli" "$@"; }
cd "examples/$example"

if [ "$example" = hello ]; then
  composer up -d --wait
  composer ps
  echo "GET http://127.0.0.1:${HELLO_PORT:-18080}/ ->"
  curl -fsS "http://127.0.0.1:${HELLO_PORT:-18080}/"
else
  port=${PROXY_PORT:-18082}
  # --build: an api image left by an older checkout would otherwise be used as it is.
  composer up -d --wait --build                 # train runs and exits 0, then the api starts, then nginx
  composer logs train
  composer ps -a
  echo "GET http://127.0.0.1:$port/predict?x=3 ->"
  curl -fsS "http://127.0.0.1:$port/predict?x=3"
  composer scale api=3
  composer ps
  # nginx resolves the api per request: within a few requests all three replicas have answered.
  declare -A seen=()
  for _ in $(seq 1 60); do
    answer=$(curl -fsS "http://127.0.0.1:$port/predict?x=3")
    seen[$(sed -E 's/.*"hostname": "([^"]*)".*/\1/' <<<"$answer")]=1
    [ "${#seen[@]}" -ge 3 ] && break
    sleep 0.5
  done
  echo "replicas that answered: ${!seen[*]} (${#seen[@]})"
  [ "${#seen[@]}" -ge 3 ]
fi

if [ "${KEEP:-0}" != 1 ]; then
  composer down -v
fi
