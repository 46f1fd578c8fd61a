#!/usr/bin/env bash
# `composer stack` against `docker stack` on the 3-node test swarm (scripts/swarm/setup.sh), in one run: 20 busybox
# services x 2 replicas (SERVICES, REPLICAS). Measures, as whole processes:
#   docker: detached deploy until all tasks run, the waiting deploy (--detach=false), its unchanged redeploy,
#           stack rm until the stack's network is gone;
#   composer (native AOT build): deploy --wait, unchanged redeploy (and that no service version moved),
#           stack rm until the network is gone, peak RSS of deploy.
# Prints a Markdown table and the ratios against the issue's targets. SKIP_DOCKER_WAIT=1 leaves out docker's two
# waiting deploys (about 3.5 minutes). Both tools deploy with --resolve-image never (the nodes have busybox:local
# only; no registry knows it), on nodes that never pull (SWARM_REGISTRY=0: setup.sh restarts nodes started with the
# test registry). Every wait has a deadline (STEP_LIMIT seconds, default 600); on exit, failure, Ctrl-C or SIGTERM
# the bench's stacks are removed (until their networks are gone) and its temporary folder deleted; the swarm stays
# (scripts/swarm/teardown.sh removes it).
set -euo pipefail
cd "$(dirname "$0")/.."
services=${SERVICES:-20}
replicas=${REPLICAS:-2}
limit=${STEP_LIMIT:-600}
total=$((services * replicas))
work=$(mktemp -d)
export DOCKER_HOST=unix:///tmp/composer-swarm/n1/docker.sock
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  for stack in dkd dkw cmp; do
    if docker network inspect "${stack}_default" >/dev/null 2>&1 || [ -n "$(docker service ls -q --filter "label=com.docker.stack.namespace=$stack" 2>/dev/null)" ]; then
      docker stack rm "$stack" >/dev/null 2>&1 || true
      for _ in $(seq 1 300); do docker network inspect "${stack}_default" >/dev/null 2>&1 || break; sleep 0.2; done
    fi
  done
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
SWARM_REGISTRY=0 NODES=3 bash scripts/swarm/setup.sh >/dev/null
if [[ -n ${COMPOSER_BIN:-} ]]; then
  composer=$COMPOSER_BIN
else
  dotnet publish src/Composer.Cli -c Release -r linux-x64 -o "$work/composer" -nologo -v q >/dev/null
  composer="$work/composer/composer"
fi

file="$work/compose.yaml"
{
  echo "services:"
  for i in $(seq 1 "$services"); do
    cat <<SVC
  s$i:
    image: busybox:local
    command: ["sleep", "1000000"]
    stop_signal: SIGKILL
    deploy:
      replicas: $replicas
      endpoint_mode: dnsrr
SVC
  done
} > "$file"

now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
running() { docker stack ps "$1" --filter desired-state=running --format '{{.CurrentState}}' 2>/dev/null | grep -c '^Running' || true; }
# deadline WHAT: fails the bench once a wait has taken longer than STEP_LIMIT seconds
wait_start=0
deadline() { [ $(( $(date +%s) - wait_start )) -lt "$limit" ] || { echo "gave up after ${limit}s waiting for $1" >&2; exit 1; }; }
until_running() { wait_start=$(date +%s); while [ "$(running "$1")" -lt "$total" ]; do deadline "$total tasks of $1"; sleep 0.1; done; }
until_gone() { wait_start=$(date +%s); while docker network inspect "$1_default" >/dev/null 2>&1; do deadline "$1_default to go"; sleep 0.1; done; }
until_no_containers() { wait_start=$(date +%s); while [ "$(docker ps -q --filter "label=com.docker.stack.namespace=$1" | wc -l)" -gt 0 ]; do deadline "the containers of $1 to go"; sleep 0.2; done; }
versions() { docker service ls --filter "label=com.docker.stack.namespace=$1" --format '{{.ID}}' | xargs docker service inspect --format '{{.Version.Index}}' | sort | md5sum; }

row() { printf '| %s | %s s |\n' "$1" "$2"; }
echo "| step ($services services x $replicas replicas, 3 nodes) | time |"
echo "|---|---|"

t0=$(now); docker stack deploy --detach=true --resolve-image never -c "$file" dkd >/dev/null 2>&1; until_running dkd; t1=$(now)
docker_detached=$(secs "$t0" "$t1"); row "docker stack deploy --detach, until $total tasks run" "$docker_detached"
t0=$(now); docker stack rm dkd >/dev/null 2>&1; until_gone dkd; t1=$(now)
docker_rm=$(secs "$t0" "$t1"); row "docker stack rm, until the network is gone" "$docker_rm"
until_no_containers dkd

docker_wait=- docker_again=-
if [ "${SKIP_DOCKER_WAIT:-0}" != 1 ]; then
  t0=$(now); docker stack deploy --detach=false --resolve-image never -c "$file" dkw >/dev/null 2>&1; t1=$(now)
  docker_wait=$(secs "$t0" "$t1"); row "docker stack deploy --detach=false" "$docker_wait"
  t0=$(now); docker stack deploy --detach=false --resolve-image never -c "$file" dkw >/dev/null 2>&1; t1=$(now)
  docker_again=$(secs "$t0" "$t1"); row "docker stack deploy --detach=false, unchanged" "$docker_again"
  docker stack rm dkw >/dev/null 2>&1; until_gone dkw
  until_no_containers dkw
fi

t0=$(now); /usr/bin/time -f '%M' -o "$work/rss" "$composer" -f "$file" --progress quiet stack deploy --resolve-image never cmp; t1=$(now)
composer_wait=$(secs "$t0" "$t1"); row "composer stack deploy (--wait)" "$composer_wait"
[ "$(running cmp)" -eq "$total" ] || { echo "composer returned before all tasks ran"; exit 1; }
before=$(versions cmp)
t0=$(now); "$composer" -f "$file" --progress quiet stack deploy --resolve-image never cmp; t1=$(now)
composer_again=$(secs "$t0" "$t1"); row "composer stack deploy, unchanged" "$composer_again"
[ "$before" = "$(versions cmp)" ] && updates=0 || updates=1
printf "| service updates sent by the unchanged redeploy | %s |\n" "$updates"
t0=$(now); "$composer" --progress quiet stack rm -d cmp; until_gone cmp; t1=$(now)
composer_rm=$(secs "$t0" "$t1"); row "composer stack rm, until the network is gone" "$composer_rm"
until_no_containers cmp
rss=$(cat "$work/rss")
echo
echo "peak RSS of composer stack deploy: $((rss / 1024)) MiB"
awk -v cw="$composer_wait" -v dd="$docker_detached" -v dw="$docker_wait" -v ca="$composer_again" -v cr="$composer_rm" -v dr="$docker_rm" 'BEGIN {
  printf "composer --wait / docker detached time-to-running: %.2f (target <= 1.25)\n", cw / dd
  if (dw != "-") printf "composer --wait / docker --detach=false: %.2f (target about 0.15)\n", cw / dw
  printf "composer unchanged redeploy: %.2f s (target < 1 s, no update sent)\n", ca
  printf "composer rm / docker rm: %.2f (target <= 1.1)\n", cr / dr }'
