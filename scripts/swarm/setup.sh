#!/bin/bash
# setup.sh - bring up an N-node Docker Swarm (default 3, max 3) on this one
# machine, fully isolated from the host's own dockerd.  Idempotent: re-running
# only creates/starts what is missing.
#
#   NODES=3 setup.sh      # 1 manager + 2 workers
#   NODES=1 setup.sh      # single-node swarm (manager only)
#   SWARM_IMAGES="python:3.12-slim nginx:1.27" setup.sh   # copies these images from the machine's engine to every node
#   SWARM_REGISTRY=1 NODES=3 setup.sh   # plus a registry:2 on the manager at $SWARM_NET.1:5000 that every node
#                                       # trusts (--insecure-registry) and pulls from (see below)
#
# Layout (everything under $SWARM_DIR, default /tmp/composer-swarm; nothing is added to the host netns
# unless HOSTLINK=1):
#   netns swhub : bridge swbr0 192.168.240.62/26 (the "switch"; also a handy
#                 place to run test clients from)
#   netns swnN  : eth0 192.168.240.N/26 (veth to swbr0), its own dockerd +
#                 containerd, data in $SWARM_DIR/nN, API on
#                 unix://$SWARM_DIR/nN/docker.sock
#   docker0/docker_gwbridge of node N : from 192.168.240.(64*N)/26, /27 each
#   swarm overlay networks (incl. ingress): 10.250.0.0/16, /24 each (254 tasks per network)
# No namespace has a route off 192.168.240.0/26, so no traffic can leave.
set -euo pipefail
B=${SWARM_DIR:-/tmp/composer-swarm}
NODES=${NODES:-3}
# SWARM_PREFIX names the namespaces, bridge and veths (<prefix>hub, <prefix>nN, ...) and SWARM_NET the /24 they use,
# so that two of these (a test swarm and a fault-injection engine) can run side by side.
P=${SWARM_PREFIX:-sw}
HUB=${P}hub
BR=${P}br0
NET=${SWARM_NET:-192.168.240}
CG=composer-${P}
SWARM_POOL=${SWARM_POOL:-10.250.0.0/16}
SWARM_MASK=${SWARM_MASK:-24}
# SWARM_REGISTRY=1: the nodes pull (tasks' images come from the registry on n1, $NET.1:5000, plain HTTP, trusted with
# --insecure-registry); without it (or =0) they never pull and use only images already on each node
# (DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1). Unset keeps running nodes as they are; set, a node started the other way is
# restarted (its swarm state is kept on disk).
REGISTRY_WANTED=${SWARM_REGISTRY:-}
REGISTRY=${SWARM_REGISTRY:-0}
REGISTRY_ADDR=$NET.1:5000
[ "$NODES" -ge 1 ] && [ "$NODES" -le 3 ] || { echo "NODES must be 1..3"; exit 1; }
mkdir -p "$B"; cd "$B"
mkdir -p "$B/bin"

log() { printf '[setup %s] %s\n' "$(date +%T)" "$*"; }
now() { date +%s.%N; }
dt() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.2f", b-a}'; }
dk() { local n=$1; shift; DOCKER_HOST=unix://$B/n$n/docker.sock docker "$@"; }
cmdline() { { tr '\0' ' ' < "/proc/$1/cmdline"; } 2>/dev/null; }

for c in ip dockerd docker busybox unshare tar; do
  command -v $c >/dev/null || { echo "missing $c"; exit 1; }
done
if ldd "$(command -v busybox)" >/dev/null 2>&1; then
  echo "busybox is dynamically linked; install busybox-static"; exit 1
fi
has_ns() { [ -e "/run/netns/$1" ]; }

# Wrapper run as: ip netns exec swnN nswrap.sh NODEDIR HOSTNAME CMD...
# `ip netns exec` gives a private (slave) mount namespace and a fresh /sys
# for the netns, which hides the host's /sys/fs/cgroup mounts (dockerd then
# dies with "Devices cgroup isn't mounted"). So:
#  1. replay the host's cgroup mounts (saved below) in that mount namespace;
#  2. hide /run/containerd behind NODEDIR/run-containerd, so dockerd never
#     picks up a system containerd socket (it starts its own) and the shim
#     sockets stay in NODEDIR;
#  3. new UTS namespace with a per-node hostname (swarm node names).
cat > "$B/bin/nswrap.sh" <<'WRAP'
#!/bin/sh
set -e
d="$1"; host="$2"; shift 2
if ! grep -q ' /sys/fs/cgroup' /proc/self/mounts; then
  while read -r src dst fstype opts rest; do
    mkdir -p "$dst"
    mount -t "$fstype" -o "$opts" "$src" "$dst"
  done < "$(dirname "$d")/cgroup-mounts.txt"
fi
mkdir -p "$d/run-containerd"
[ -d /run/containerd ] || mkdir -p /run/containerd
mount --bind "$d/run-containerd" /run/containerd
exec unshare --uts sh -c 'hostname "$0"; exec "$@"' "$host" "$@"
WRAP
chmod +x "$B/bin/nswrap.sh"

# host cgroup mounts, replayed inside each node's mount namespace
grep -E ' /sys/fs/cgroup(/| )' /proc/self/mounts > "$B/cgroup-mounts.txt"

# ---- network ---------------------------------------------------------------
has_ns $HUB || ip netns add $HUB
ip -n $HUB link set lo up
ip -n $HUB link show $BR >/dev/null 2>&1 || ip -n $HUB link add $BR type bridge
ip -n $HUB addr replace $NET.62/26 dev $BR
ip -n $HUB link set $BR up
for n in $(seq 1 "$NODES"); do
  ns=${P}n$n
  has_ns $ns || ip netns add $ns
  ip -n $ns link set lo up
  if ! ip -n $ns link show eth0 >/dev/null 2>&1; then
    ip -n $HUB link del ${P}v$n 2>/dev/null || true
    ip -n $HUB link add ${P}v$n type veth peer name eth0 netns $ns
  fi
  ip -n $HUB link set ${P}v$n master $BR up
  ip -n $ns addr replace $NET.$n/26 dev eth0
  ip -n $ns link set eth0 up
done

# Optional (HOSTLINK=1): a veth from the host netns into the hub bridge, so
# test code running in the host netns can reach 192.168.240.1-3 directly
# (adds interface swhost0 192.168.240.61/26 to the host; nothing else).
# Without it, run clients inside the hub: ip netns exec swhub <cmd>.
if [ "${HOSTLINK:-0}" = 1 ]; then
  ip link show ${P}host0 >/dev/null 2>&1 || ip link add ${P}host0 type veth peer name ${P}vh netns $HUB
  ip -n $HUB link set ${P}vh master $BR up
  ip addr replace $NET.61/26 dev ${P}host0
  ip link set ${P}host0 up
fi

# ---- dockerds ----------------------------------------------------------------
running() {  # node -> 0 if our dockerd for that node runs
  local pf=$B/n$1/pid pid
  [ -f "$pf" ] || return 1
  pid=$(cat "$pf" 2>/dev/null) || return 1
  [ -d "/proc/$pid" ] || return 1
  case "$(cmdline "$pid")" in *"--pidfile $pf "*|*"--pidfile $pf") return 0;; esac
  return 1
}
start_dockerd() {
  local n=$1 d=$B/n$1 t0
  mkdir -p "$d"
  cat > "$d/daemon.json" <<EOF
{
  "deprecated-key-path": "$d/key.json",
  "shutdown-timeout": 3
}
EOF
  t0=$(now)
  # Without the registry, DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1: swarm tasks use the local image and do not first try
  # (and fail) to pull it. With it, tasks pull (a local-only image such as busybox:local still runs: the failed pull is
  # only logged), and the registry's address is trusted over plain HTTP.
  local offline=1 extra=()
  if [ "$REGISTRY" = 1 ]; then offline=0; extra=(--insecure-registry "$NET.0/26"); fi
  echo "$REGISTRY" > "$d/registry-mode"
  # The daemon outlives this script: it must not keep the caller's open files (a flock held around a test run
  # would stay held as long as the swarm runs), so every descriptor but 0-2 and bash's own 255 is closed first.
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      if [ "$fd" -gt 2 ] && [ "$fd" != 255 ]; then eval "exec $fd>&-"; fi
    done 2>/dev/null
    DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=$offline exec setsid nohup ip netns exec ${P}n$n \
      "$B/bin/nswrap.sh" "$d" ${P}n$n \
      dockerd --config-file "$d/daemon.json" "${extra[@]}" \
        --data-root "$d/root" --exec-root "$d/exec" --pidfile "$d/pid" \
        -H "unix://$d/docker.sock" \
        --cgroup-parent "/$CG-n$n" \
        --default-address-pool "base=$NET.$((64 * n))/26,size=27" \
        --iptables=true --ip-masq=true \
        >> "$d/dockerd.log" 2>&1 < /dev/null
  ) &
  for _ in $(seq 1 240); do
    dk "$n" version --format '{{.Server.Version}}' >/dev/null 2>&1 && break
    sleep 0.25
  done
  dk "$n" version --format '{{.Server.Version}}' >/dev/null 2>&1 \
    || { echo "dockerd n$n did not come up, see $d/dockerd.log"; tail -20 "$d/dockerd.log"; exit 1; }
  log "n$n: dockerd pid $(cat "$d/pid") up in $(dt "$t0")s"
}
stop_dockerd() {
  local n=$1 pid
  pid=$(cat "$B/n$n/pid")
  kill -TERM "$pid"
  for _ in $(seq 1 240); do [ -d "/proc/$pid" ] || return 0; sleep 0.25; done
  echo "dockerd n$n (pid $pid) did not stop"; exit 1
}
# SWARM_REGISTRY unset: nodes started now follow the manager's mode.
if [ -z "$REGISTRY_WANTED" ] && running 1; then REGISTRY=$(cat "$B/n1/registry-mode" 2>/dev/null || echo 0); fi
for n in $(seq 1 "$NODES"); do
  if running "$n" && [ -n "$REGISTRY_WANTED" ] && [ "$(cat "$B/n$n/registry-mode" 2>/dev/null || echo 0)" != "$REGISTRY" ]; then
    log "n$n: dockerd runs with SWARM_REGISTRY=$(cat "$B/n$n/registry-mode" 2>/dev/null || echo 0): restarting it"
    stop_dockerd "$n"
  fi
  if running "$n"; then log "n$n: dockerd already running (pid $(cat $B/n$n/pid))"
  else start_dockerd "$n" & fi
done
wait
for n in $(seq 1 "$NODES"); do running "$n" || { echo "dockerd n$n is not running"; exit 1; }; done

# ---- busybox images (busybox:local and busybox:v2 for update tests) --------
mkroot() {  # dir index-text
  local r=$1
  [ -x "$r/bin/busybox" ] && return 0
  mkdir -p "$r"/{bin,etc,tmp,root,proc,sys,dev,var/www}
  chmod 1777 "$r/tmp"
  cp "$(command -v busybox)" "$r/bin/busybox"
  for a in $("$r/bin/busybox" --list); do [ "$a" = busybox ] || ln -sf busybox "$r/bin/$a"; done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$r/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$r/etc/group"
  echo "$2" > "$r/var/www/index.html"
}
mkroot "$B/img/root" "hello from busybox"
mkroot "$B/img/root2" "hello from v2"
t0=$(now)
for tag in local:root v2:root2; do
  t=${tag%%:*}; r=${tag#*:}
  dk 1 image inspect busybox:$t >/dev/null 2>&1 || \
    tar -C "$B/img/$r" -c . | dk 1 import -c 'CMD ["sh"]' - busybox:$t >/dev/null
done
if [ "$NODES" -gt 1 ]; then
  [ -f "$B/img/images.tar" ] || dk 1 save -o "$B/img/images.tar" busybox:local busybox:v2
  for n in $(seq 2 "$NODES"); do
    dk "$n" image inspect busybox:v2 >/dev/null 2>&1 || dk "$n" load -q -i "$B/img/images.tar" >/dev/null
  done
fi
log "images busybox:local, busybox:v2 present on all nodes ($(dt "$t0")s)"

# ---- more images (SWARM_IMAGES="python:3.12-slim nginx:1.27"): copied from the machine's engine to every node ------
# For stacks that use official images where no registry answers (the stand-ins); that engine is only read.
for image in ${SWARM_IMAGES:-}; do
  tarball="$B/img/$(echo "$image" | tr '/:' '__').tar"
  for n in $(seq 1 "$NODES"); do
    dk "$n" image inspect "$image" >/dev/null 2>&1 && continue
    [ -f "$tarball" ] || DOCKER_HOST=${HOST_DOCKER_HOST:-unix:///var/run/docker.sock} docker save -o "$tarball" "$image" \
      || { echo "$image is not on the machine's engine (bash scripts/stand-in-images.sh $image)"; exit 1; }
    dk "$n" load -q -i "$tarball" >/dev/null
    log "n$n: loaded $image"
  done
done

# ---- swarm (SWARM_INIT=0 leaves the engines standalone, e.g. for an engine a test kills) ------------------------
state() { dk "$1" info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null; }
if [ "${SWARM_INIT:-1}" = 0 ]; then
  log "engines ready without a swarm (SWARM_INIT=0)"
elif [ "$(state 1)" != active ]; then
  t0=$(now)
  dk 1 swarm init --advertise-addr $NET.1 --listen-addr $NET.1:2377 \
     --default-addr-pool "$SWARM_POOL" --default-addr-pool-mask-length "$SWARM_MASK" >/dev/null
  log "n1: swarm init in $(dt "$t0")s"
else
  log "n1: swarm already active"
fi
[ "${SWARM_INIT:-1}" = 0 ] || dk 1 swarm join-token -q worker > "$B/worker.token"
for n in $(seq 2 "$NODES"); do
  [ "${SWARM_INIT:-1}" = 0 ] && break
  s=$(state "$n")
  if [ "$s" != active ]; then
    [ "$s" = inactive ] || dk "$n" swarm leave --force >/dev/null 2>&1 || true
    t0=$(now)
    dk "$n" swarm join --advertise-addr $NET.$n --listen-addr $NET.$n:2377 \
       --token "$(cat $B/worker.token)" $NET.1:2377 >/dev/null
    log "n$n: swarm join in $(dt "$t0")s"
  else
    log "n$n: swarm already active"
  fi
done
# wait until the manager sees all nodes Ready
for _ in $(seq 1 120); do
  [ "${SWARM_INIT:-1}" = 0 ] && break
  r=$(dk 1 node ls --format '{{.Status}}' | grep -c Ready || true)
  [ "$r" -ge "$NODES" ] && break; sleep 0.25
done
[ "${SWARM_INIT:-1}" = 0 ] || dk 1 node ls

# ---- registry (SWARM_REGISTRY=1): registry:2 on n1, published on the manager's node address -----------------------
# The image is the machine engine's registry:2 (scripts/stand-in-images.sh registry:2), read with `docker save` and
# loaded into n1 only; that engine is only read, never changed. Every node trusts $NET.0/26 over plain HTTP.
if [ "$REGISTRY" = 1 ]; then
  t0=$(now)
  if ! dk 1 image inspect registry:2 >/dev/null 2>&1; then
    [ -f "$B/img/registry.tar" ] || DOCKER_HOST=${HOST_DOCKER_HOST:-unix:///var/run/docker.sock} docker save -o "$B/img/registry.tar" registry:2 \
      || { echo "registry:2 is not on the machine's engine: run bash scripts/stand-in-images.sh registry:2"; exit 1; }
    dk 1 load -q -i "$B/img/registry.tar" >/dev/null
  fi
  if [ "$(dk 1 inspect -f '{{.State.Running}}' composer-registry 2>/dev/null)" != true ]; then
    dk 1 rm -f composer-registry >/dev/null 2>&1 || true
    dk 1 run -d --name composer-registry --restart always -p "$REGISTRY_ADDR:5000" registry:2 >/dev/null
  fi
  for _ in $(seq 1 120); do
    timeout 3 ip netns exec $HUB busybox wget -q -O /dev/null "http://$REGISTRY_ADDR/v2/" 2>/dev/null && break
    sleep 0.25
  done
  timeout 3 ip netns exec $HUB busybox wget -q -O /dev/null "http://$REGISTRY_ADDR/v2/" \
    || { echo "the registry at $REGISTRY_ADDR does not answer"; dk 1 logs --tail 20 composer-registry; exit 1; }
  log "registry answering at $REGISTRY_ADDR ($(dt "$t0")s)"
fi

cat > "$B/env.sh" <<EOF
# source $B/env.sh : DOCKER_HOST points at the swarm manager (n1)
export DOCKER_HOST=unix://$B/n1/docker.sock
dk() { local n=\$1; shift; DOCKER_HOST=unix://$B/n\$n/docker.sock docker "\$@"; }
hub() { ip netns exec $HUB "\$@"; }   # run a client in the hub namespace
export SWARM_REGISTRY_ADDR=$REGISTRY_ADDR   # the test registry (SWARM_REGISTRY=1)
EOF
log "ready: source $B/env.sh (DOCKER_HOST=unix://$B/n1/docker.sock)"
