#!/usr/bin/env bash
# The engine floor: one network and N busybox containers created and started straight through the Engine API,
# all at once (curl on the socket, N in parallel). usage: engine-floor.sh up|down N PROJECT
set -euo pipefail
action=$1
count=$2
project=$3
api() { curl -fsS --unix-socket /var/run/docker.sock -H 'Content-Type: application/json' "$@" >/dev/null; }
export -f api
export project
if [ "$action" = up ]; then
  api -X POST http://localhost/networks/create -d "{\"Name\":\"${project}_default\",\"Labels\":{\"bench.floor\":\"$project\"}}"
  seq 1 "$count" | xargs -P "$count" -I{} bash -c '
    api -X POST "http://localhost/containers/create?name=${project}-svc{}-1" \
      -d "{\"Image\":\"busybox:latest\",\"Cmd\":[\"sleep\",\"3600\"],\"Labels\":{\"bench.floor\":\"$project\"},\"HostConfig\":{\"NetworkMode\":\"${project}_default\"}}"
    api -X POST "http://localhost/containers/${project}-svc{}-1/start"'
else
  seq 1 "$count" | xargs -P "$count" -I{} bash -c 'api -X DELETE "http://localhost/containers/${project}-svc{}-1?force=true"'
  api -X DELETE "http://localhost/networks/${project}_default"
fi
