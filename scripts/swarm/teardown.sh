#!/bin/bash
# teardown.sh - remove everything setup.sh created.
#
# It only touches:
#   * processes whose pid is in $SWARM_DIR/nN/pid (checked against their
#     command line), the containerd that each of those started, the
#     containerd shims / container processes that belong to that containerd
#     (matched by our own socket path / our own cgroup parent "swarm-nN"),
#     and any process still left inside one of OUR network namespaces;
#   * network namespaces swhub and swnN (the bridge swbr0 and the veths live
#     inside them and disappear with them);
#   * cgroup directories named swarm-nN (our --cgroup-parent);
#   * the folders $SWARM_DIR/nN, $SWARM_DIR/img and a few state files.
# It never talks to /var/run/docker.sock and never touches host interfaces,
# host iptables, /etc/docker or /var/lib/docker.
set -u
B=${SWARM_DIR:-/tmp/composer-swarm}
KEEP_LOGS=${KEEP_LOGS:-1}      # copy dockerd logs to $B/logs before deleting
P=${SWARM_PREFIX:-sw}
HUB=${P}hub
CG=composer-${P}

log() { echo "[teardown] $*"; }
cmdline() { { tr '\0' ' ' < "/proc/$1/cmdline"; } 2>/dev/null; }
alive() { [ -n "${1:-}" ] && [ -d "/proc/$1" ]; }

# wait_gone SECONDS PID... -> 0 when all gone
wait_gone() {
  local t=$1; shift
  local end=$(( $(date +%s) + t ))
  while [ "$(date +%s)" -lt "$end" ]; do
    local any=0
    for p in "$@"; do alive "$p" && any=1; done
    [ $any = 0 ] && return 0
    sleep 0.2
  done
  return 1
}

# pids of containerd shims that belong to node dir $1
shim_pids() {
  local d=$1 p
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    case "$(cmdline "$p")" in
      *containerd-shim*"-address $d/exec/containerd/containerd.sock"*) echo "$p";;
    esac
  done
}

# pids of container processes in our cgroup parent swarm-nN
cgroup_pids() {
  local name=$1 f
  for f in /sys/fs/cgroup/pids/"$name"/*/cgroup.procs /sys/fs/cgroup/pids/"$name"/cgroup.procs \
           /sys/fs/cgroup/"$name"/*/cgroup.procs; do
    [ -r "$f" ] && cat "$f"
  done 2>/dev/null | sort -u
}

NODEDIRS=$(ls -d "$B"/n[0-9]* 2>/dev/null)

# ---- 1. stop dockerds (all in parallel), remembering their children -------
declare -A CTRD
DPIDS=()
for d in $NODEDIRS; do
  n=$(basename "$d")
  pf="$d/pid"
  [ -f "$pf" ] || continue
  pid=$(cat "$pf" 2>/dev/null)
  if alive "$pid" && cmdline "$pid" | grep -q -- "--pidfile $pf"; then
    for c in $(pgrep -P "$pid" 2>/dev/null); do
      cmdline "$c" | grep -q -- "$d/exec/containerd" && CTRD[$n]=$c
    done
    log "$n: SIGTERM dockerd pid $pid (containerd pid ${CTRD[$n]:-none})"
    kill -TERM "$pid"
    DPIDS+=("$pid")
  else
    log "$n: no running dockerd for $pf"
  fi
done
if [ ${#DPIDS[@]} -gt 0 ] && ! wait_gone 60 "${DPIDS[@]}"; then
  for p in "${DPIDS[@]}"; do alive "$p" && { log "dockerd $p still alive after 60s: SIGKILL"; kill -KILL "$p"; }; done
  wait_gone 10 "${DPIDS[@]}"
fi

# ---- 2. leftovers: containerd, containers, shims ---------------------------
for d in $NODEDIRS; do
  n=$(basename "$d")
  c=${CTRD[$n]:-}
  if alive "$c"; then
    wait_gone 10 "$c" || { log "$n: containerd $c still alive: SIGTERM"; kill -TERM "$c"; wait_gone 10 "$c" || kill -KILL "$c"; }
  fi
  cp=$(cgroup_pids "$CG-$n")
  if [ -n "$cp" ]; then
    log "$n: killing leftover container processes: $(echo $cp)"
    for p in $cp; do kill -KILL "$p" 2>/dev/null; done
  fi
  sp=$(shim_pids "$d")
  if [ -n "$sp" ]; then
    log "$n: stopping leftover shims: $(echo $sp)"
    for p in $sp; do kill -TERM "$p" 2>/dev/null; done
    wait_gone 5 $sp || for p in $sp; do kill -KILL "$p" 2>/dev/null; done
  fi
done

# ---- 3. anything still inside our namespaces (only things we started) ------
for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E "^(${P}n[0-9]+|$HUB)$"); do
  left=$(ip netns pids "$ns" 2>/dev/null)
  if [ -n "$left" ]; then
    log "$ns: killing processes still inside: $(echo $left)"
    for p in $left; do kill -KILL "$p" 2>/dev/null; done
    sleep 0.5
  fi
  ip netns del "$ns" && log "deleted netns $ns"
done

# optional host link (setup.sh HOSTLINK=1)
ip link show ${P}host0 >/dev/null 2>&1 && ip link del ${P}host0 && log "deleted host veth ${P}host0"

# ---- 4. cgroup dirs of our --cgroup-parent ---------------------------------
for d in $(find /sys/fs/cgroup -maxdepth 2 -type d -name "$CG-n[0-9]*" 2>/dev/null); do
  find "$d" -depth -type d -exec rmdir {} \; 2>/dev/null
  [ -d "$d" ] && log "could not remove cgroup dir $d" || true
done

# ---- 5. mounts (none expected in the host mount namespace) and folders -----
grep -F " $B/" /proc/self/mounts | awk '{print $2}' | sort -r | while read -r m; do
  log "unmounting leftover $m"; umount -l "$m"
done
if [ "$KEEP_LOGS" = 1 ]; then
  mkdir -p "$B/logs"
  for d in $NODEDIRS; do [ -f "$d/dockerd.log" ] && cp "$d/dockerd.log" "$B/logs/$(basename "$d")-dockerd.log"; done
fi
for d in $NODEDIRS; do rm -rf "$d"; done
rm -rf "$B/img" "$B/worker.token" "$B/manager.token" "$B/cgroup-mounts.txt" "$B/env.sh"

# ---- 6. report -------------------------------------------------------------
rest=$(ip netns list 2>/dev/null | grep -E "^(${P}n[0-9]+|$HUB)( |$)")
[ -n "$rest" ] && log "WARNING: namespaces left: $rest"
ls -d "$B"/n[0-9]* >/dev/null 2>&1 && log "WARNING: node folders left"
log "done"
