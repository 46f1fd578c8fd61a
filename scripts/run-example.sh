#!/usr/bin/env bash
# The README's main job: start the example stack on the local engine, show it, fetch its page, take it down.
# KEEP=1 leaves the stack running.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/engine-up.sh
bash scripts/stand-in-images.sh busybox:latest
dotnet build src/Composer.Cli -c Release -nologo -v q -clp:ErrorsOnly
composer() { dotnet src/Composer.Cli/bin/Release/net10.0/composer.dll "$@"; }
stack=(-f examples/hello/compose.yaml)
composer "${stack[@]}" up -d --wait
composer "${stack[@]}" ps
echo "GET http://127.0.0.1:${HELLO_PORT:-18080}/ ->"
curl -fsS "http://127.0.0.1:${HELLO_PORT:-18080}/"
if [ "${KEEP:-0}" != 1 ]; then
  composer "${stack[@]}" down -t 1
fi
