#!/usr/bin/env bash
# Builds local STAND-IN images for machines with no image registry (tests, CI, the README's examples).
# They are labelled org.composer.stand-in=true, never pushed, and never replace a real pull for users: where a
# registry answers, use the real images instead. Images that already exist are skipped. See scripts/stand-ins/README.md.
#   busybox:latest     busybox-static copied into an empty root: sh, httpd, nc, wget (about 2 MB)
#   postgres:16        Debian bookworm's PostgreSQL 15 behind an entrypoint that mimics the official image's
#   python:3.12-slim   Debian bookworm's Python 3.11 with psycopg 3 and redis-py
#   redis:7            Debian bookworm's Redis 7.0
#   registry:2         Debian bookworm's docker-registry 2.8 (the CNCF distribution registry) on port 5000
#   nginx:1.27         Debian bookworm's nginx 1.22, laid out like the official image (conf.d, logs to stdout/stderr)
# Usage: stand-in-images.sh [IMAGE...]   (default: all of the above)
# The Debian images share one debootstrap root, cached as a tarball (with the downloaded .debs) under
# $STAND_IN_CACHE (default /var/cache/composer-stand-ins); delete that folder to start from scratch.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
files="$here/stand-ins"
cache=${STAND_IN_CACHE:-/var/cache/composer-stand-ins}
mirror=${STAND_IN_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
# Bump when the base root's recipe changes so that an old cached tarball is not reused.
base_tar="$cache/$suite-minbase-v2.tar"
debs="$cache/debs"
path_env='PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

# Each stand-in carries a fingerprint of the recipe that made it (its build functions and entrypoint), so machines
# that keep images between sessions rebuild it when the recipe changes. An image without the stand-in label came from
# a registry and is never replaced.
recipe=""

recipe_of() {
  local part
  for part in "$@"; do
    if [ -f "$part" ]; then
      cat "$part"
    else
      declare -f "$part"
    fi
  done | sha256sum | cut -c1-16
}

# True when IMAGE must be (re)built; sets $recipe for the build to record.
needs_build() {
  local image=$1 labels
  shift
  recipe=$(recipe_of "$@")
  if ! labels=$(docker image inspect "$image" \
    -f '{{index .Config.Labels "org.composer.stand-in"}} {{index .Config.Labels "org.composer.stand-in.recipe"}}' \
    2>/dev/null); then
    say "building $image"
    return 0
  fi
  case "$labels" in
    "true $recipe")
      say "$image is up to date"
      return 1
      ;;
    "true "*)
      say "rebuilding $image: its recipe changed"
      return 0
      ;;
    *)
      say "$image exists and is not a stand-in: kept"
      return 1
      ;;
  esac
}

say() {
  echo "stand-in: $*"
}

# Installs host packages; a fresh machine may have no package lists yet.
host_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "$@" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$@" >/dev/null; }
}

build_busybox() {
  local image=busybox:latest
  needs_build "$image" build_busybox || return 0
  if [ ! -x /bin/busybox ] || ! file /bin/busybox 2>/dev/null | grep -q 'statically linked'; then
    host_install busybox-static
  fi
  local root
  root=$(mktemp -d)
  chmod 755 "$root"
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/root" "$root/var/www"
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  local applet
  for applet in $("$root/bin/busybox" --list); do
    # Linking busybox to itself would replace the binary with a symlink loop.
    [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  tar -C "$root" -c . | docker import \
    -c 'CMD ["sh"]' \
    -c "ENV $path_env" \
    -c 'LABEL org.composer.stand-in=true' \
    -c "LABEL org.composer.stand-in.recipe=$recipe" \
    - "$image" >/dev/null
  rm -rf "$root"
  say "built $image"
}

# --- shared Debian root -------------------------------------------------------------------------------------------

# The root being worked on, so that the exit trap can unmount and delete it whatever fails.
work_root=""

release_work_root() {
  [ -n "$work_root" ] || return 0
  local mounted
  # debootstrap mounts sys and dev/pts itself; they are only left behind if it is killed.
  for mounted in "$work_root/var/cache/apt/archives" "$work_root/proc" "$work_root/sys" "$work_root/dev/pts"; do
    if mountpoint -q "$mounted" 2>/dev/null; then
      umount "$mounted" || umount -l "$mounted"
    fi
  done
  rm -rf --one-file-system "$work_root"
  work_root=""
}
trap release_work_root EXIT

new_work_root() {
  mkdir -p "$cache/work"
  work_root=$(mktemp -d "$cache/work/root.XXXXXX")
  chmod 755 "$work_root"
}

# Runs a command inside the work root with the .deb cache shared, so a rebuild downloads nothing twice.
in_root() {
  DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 chroot "$work_root" "$@"
}

mount_for_apt() {
  mkdir -p "$debs" "$work_root/var/cache/apt/archives" "$work_root/proc"
  mount --bind "$debs" "$work_root/var/cache/apt/archives"
  mount -t proc proc "$work_root/proc"
  cp /etc/resolv.conf "$work_root/etc/resolv.conf" 2>/dev/null || true
}

unmount_for_apt() {
  umount "$work_root/var/cache/apt/archives"
  umount "$work_root/proc"
}

ensure_base() {
  if [ -s "$base_tar" ]; then
    return
  fi
  if ! command -v debootstrap >/dev/null 2>&1; then
    say "installing debootstrap"
    host_install debootstrap
  fi
  local base_started=$SECONDS
  say "debootstrap $suite (minbase) from $mirror"
  new_work_root
  mkdir -p "$debs"
  debootstrap --variant=minbase --cache-dir="$debs" "$suite" "$work_root" "$mirror" >"$cache/debootstrap.log" 2>&1 || {
    tail -n 20 "$cache/debootstrap.log" >&2
    exit 1
  }
  # Images need no manuals or translations; this keeps every package installed later small.
  cat >"$work_root/etc/dpkg/dpkg.cfg.d/stand-in-slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/lintian/*
EOF
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' \
    >"$work_root/etc/apt/apt.conf.d/90stand-in"
  # Packages must never start their daemons inside the build root.
  printf '#!/bin/sh\nexit 101\n' >"$work_root/usr/sbin/policy-rc.d"
  chmod 755 "$work_root/usr/sbin/policy-rc.d"
  # The .debs debootstrap fetched are kept in $debs already.
  rm -f "$work_root"/var/cache/apt/archives/*.deb
  mount_for_apt
  in_root apt-get update -qq
  unmount_for_apt
  tar --numeric-owner -C "$work_root" -cf "$base_tar.part" .
  mv "$base_tar.part" "$base_tar"
  release_work_root
  say "cached base root $base_tar ($(du -h "$base_tar" | cut -f1)) in $((SECONDS - base_started)) s"
}

# Unpacks the shared root and installs Debian packages into it.
root_with_packages() {
  ensure_base
  new_work_root
  tar --numeric-owner -C "$work_root" -xf "$base_tar"
  mount_for_apt
  if [ -n "${before_install:-}" ]; then
    "$before_install"
  fi
  # The package lists in the cached root age; refresh them once if the mirror has moved on.
  if ! in_root apt-get install -y -qq "$@" >"$cache/apt.log" 2>&1; then
    in_root apt-get update -qq
    in_root apt-get install -y -qq "$@" >"$cache/apt.log" 2>&1 || {
      tail -n 20 "$cache/apt.log" >&2
      exit 1
    }
  fi
  unmount_for_apt
}

# Removes what only the build needed, then imports the root as IMAGE with the given `docker import -c` changes.
import_root() {
  local image=$1
  shift
  rm -rf "$work_root"/var/lib/apt/lists/* "$work_root"/var/cache/apt/*.bin "$work_root"/var/cache/debconf/*-old \
    "$work_root"/var/log/apt/* "$work_root"/var/log/dpkg.log "$work_root"/var/log/alternatives.log \
    "$work_root"/tmp/* "$work_root"/usr/sbin/policy-rc.d "$work_root"/usr/share/man/* "$work_root"/usr/share/info/*
  rm -rf "$work_root"/var/cache/apt/archives/*.deb "$work_root"/var/cache/apt/archives/partial/*
  # debootstrap's own packages were unpacked before the slimming rules existed.
  find "$work_root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
  find "$work_root/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf '{}' +
  : >"$work_root/etc/resolv.conf"
  local changes=() change
  for change in "$@"; do
    changes+=(-c "$change")
  done
  tar --numeric-owner -C "$work_root" -c . | docker import "${changes[@]}" \
    -c "LABEL org.composer.stand-in=true" -c "LABEL org.composer.stand-in.recipe=$recipe" \
    -c "LABEL org.composer.stand-in.base=debian-$suite" \
    - "$image" >/dev/null
  release_work_root
}

# `docker import` cannot set STOPSIGNAL; a one-line build on top of the imported image can, without a registry.
set_stop_signal() {
  local image=$1 signal=$2 context
  context=$(mktemp -d)
  printf 'FROM %s\nSTOPSIGNAL %s\n' "$image" "$signal" >"$context/Dockerfile"
  DOCKER_BUILDKIT=0 docker build -q -t "$image" "$context" >/dev/null 2>"$context/build.log" || {
    cat "$context/build.log" >&2
    rm -rf "$context"
    exit 1
  }
  rm -rf "$context"
}

# --- postgres:16 ----------------------------------------------------------------------------------------------------

# The official images run their servers as uid/gid 999; the same ids keep bind-mounted folders' owners meaningful.
add_service_user() {
  local name=$1 home=$2
  in_root groupadd --system --gid 999 "$name"
  in_root useradd --system --uid 999 --gid 999 --home-dir "$home" --shell /bin/bash "$name"
}

postgres_before_install() {
  add_service_user postgres /var/lib/postgresql
  # The official image starts with no cluster; the entrypoint runs initdb into PGDATA on first start.
  mkdir -p "$work_root/etc/postgresql-common"
  echo 'create_main_cluster = false' >"$work_root/etc/postgresql-common/createcluster.conf"
}

build_postgres() {
  local image=postgres:16
  needs_build "$image" build_postgres postgres_before_install add_service_user set_stop_signal "$files/postgres-entrypoint.sh" root_with_packages import_root || return 0
  before_install=postgres_before_install root_with_packages postgresql-15
  local bin=/usr/lib/postgresql/15/bin
  # initdb copies this sample into every new PGDATA: listening on all addresses is what containers need.
  sed -i "s/^#listen_addresses = 'localhost'/listen_addresses = '*'/" \
    "$work_root/usr/share/postgresql/15/postgresql.conf.sample"
  grep -q "^listen_addresses = '\*'" "$work_root/usr/share/postgresql/15/postgresql.conf.sample"
  install -m 755 "$files/postgres-entrypoint.sh" "$work_root/usr/local/bin/docker-entrypoint.sh"
  mkdir -p "$work_root/docker-entrypoint-initdb.d" "$work_root/var/run/postgresql" "$work_root/var/lib/postgresql/data"
  in_root chown postgres:postgres /var/run/postgresql /var/lib/postgresql/data
  chmod 3777 "$work_root/var/run/postgresql"
  chmod 700 "$work_root/var/lib/postgresql/data"
  import_root "$image" \
    "ENV PATH=$bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    'ENV LANG=C.UTF-8' \
    'ENV PG_MAJOR=15' \
    'ENV PGDATA=/var/lib/postgresql/data' \
    'VOLUME /var/lib/postgresql/data' \
    'EXPOSE 5432' \
    'ENTRYPOINT ["docker-entrypoint.sh"]' \
    'CMD ["postgres"]'
  set_stop_signal "$image" SIGINT
  say "built $image"
}

# --- python:3.12-slim -----------------------------------------------------------------------------------------------

build_python() {
  local image=python:3.12-slim
  needs_build "$image" build_python root_with_packages import_root || return 0
  root_with_packages python3 python-is-python3 python3-psycopg python3-redis
  import_root "$image" \
    "ENV $path_env" \
    'ENV LANG=C.UTF-8' \
    'CMD ["python3"]'
  say "built $image"
}

# --- redis:7 --------------------------------------------------------------------------------------------------------

redis_before_install() {
  add_service_user redis /var/lib/redis
}

build_redis() {
  local image=redis:7
  needs_build "$image" build_redis redis_before_install add_service_user "$files/redis-entrypoint.sh" root_with_packages import_root || return 0
  before_install=redis_before_install root_with_packages redis-server
  install -m 755 "$files/redis-entrypoint.sh" "$work_root/usr/local/bin/docker-entrypoint.sh"
  mkdir -p "$work_root/data"
  in_root chown redis:redis /data
  import_root "$image" \
    "ENV $path_env" \
    'ENV LANG=C.UTF-8' \
    'VOLUME /data' \
    'WORKDIR /data' \
    'EXPOSE 6379' \
    'ENTRYPOINT ["docker-entrypoint.sh"]' \
    'CMD ["redis-server", "--protected-mode", "no"]'
  say "built $image"
}

# --- nginx:1.27 -----------------------------------------------------------------------------------------------------

# The official image runs its workers as user nginx, uid/gid 101.
nginx_before_install() {
  in_root groupadd --system --gid 101 nginx
  in_root useradd --system --uid 101 --gid 101 --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin nginx
}

build_nginx() {
  local image=nginx:1.27
  needs_build "$image" build_nginx nginx_before_install set_stop_signal "$files/nginx-entrypoint.sh" \
    "$files/nginx.conf" "$files/nginx-default.conf" root_with_packages import_root || return 0
  # gettext-base gives envsubst for /etc/nginx/templates; curl is there for healthchecks, as in the official image.
  before_install=nginx_before_install root_with_packages nginx gettext-base curl
  local etc=$work_root/etc/nginx
  install -m 755 "$files/nginx-entrypoint.sh" "$work_root/docker-entrypoint.sh"
  install -m 644 "$files/nginx.conf" "$etc/nginx.conf"
  # Debian's sites-* layout is replaced by the official image's conf.d, which users mount or COPY into.
  rm -rf "$etc/sites-enabled" "$etc/sites-available" "$etc/conf.d"
  mkdir -p "$etc/conf.d" "$work_root/docker-entrypoint.d" "$work_root/usr/share/nginx/html"
  install -m 644 "$files/nginx-default.conf" "$etc/conf.d/default.conf"
  printf '<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head>\n<body><h1>Welcome to nginx!</h1>\n<p>This is the nginx stand-in image (Debian bookworm nginx), for tests without an image registry.</p></body></html>\n' \
    >"$work_root/usr/share/nginx/html/index.html"
  printf '<!DOCTYPE html>\n<html><head><title>Error</title></head>\n<body><h1>An error occurred.</h1></body></html>\n' \
    >"$work_root/usr/share/nginx/html/50x.html"
  # As in the official image, the log files are the container's output.
  mkdir -p "$work_root/var/log/nginx"
  ln -sf /dev/stdout "$work_root/var/log/nginx/access.log"
  ln -sf /dev/stderr "$work_root/var/log/nginx/error.log"
  import_root "$image" \
    "ENV $path_env" \
    'EXPOSE 80' \
    'ENTRYPOINT ["/docker-entrypoint.sh"]' \
    'CMD ["nginx", "-g", "daemon off;"]'
  # SIGQUIT asks nginx for a graceful shutdown: requests in flight are finished.
  set_stop_signal "$image" SIGQUIT
  say "built $image"
}

# --- registry:2 -----------------------------------------------------------------------------------------------------

# The CNCF distribution registry from Debian (docker-registry 2.8), set up like the official image: plain HTTP on
# port 5000, blobs under /var/lib/registry, config at /etc/docker/registry/config.yml.
registry_config() {
  cat <<'YAML'
version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
  delete:
    enabled: true
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
YAML
}

build_registry() {
  local image=registry:2
  needs_build "$image" build_registry registry_config root_with_packages import_root || return 0
  root_with_packages docker-registry
  mkdir -p "$work_root/etc/docker/registry" "$work_root/var/lib/registry"
  registry_config >"$work_root/etc/docker/registry/config.yml"
  ln -sf /usr/bin/docker-registry "$work_root/usr/local/bin/registry"
  import_root "$image" \
    "ENV $path_env" \
    'VOLUME /var/lib/registry' \
    'EXPOSE 5000' \
    'ENTRYPOINT ["registry"]' \
    'CMD ["serve", "/etc/docker/registry/config.yml"]'
  say "built $image"
}

# --------------------------------------------------------------------------------------------------------------------

build_one() {
  local image builder
  case "$1" in
    busybox | busybox:latest) image=busybox:latest builder=build_busybox ;;
    postgres | postgres:16) image=postgres:16 builder=build_postgres ;;
    python | python:3.12-slim) image=python:3.12-slim builder=build_python ;;
    redis | redis:7) image=redis:7 builder=build_redis ;;
    registry | registry:2) image=registry:2 builder=build_registry ;;
    nginx | nginx:1.27) image=nginx:1.27 builder=build_nginx ;;
    *)
      echo "stand-in: no recipe for '$1' (known: busybox:latest postgres:16 python:3.12-slim redis:7 registry:2 nginx:1.27)" >&2
      exit 2
      ;;
  esac
  local image_started=$SECONDS replaced current
  replaced=$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)
  "$builder"
  current=$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)
  if [ -n "$replaced" ] && [ "$replaced" != "$current" ]; then
    # The image an older recipe made; containers still using it keep it alive.
    docker rmi "$replaced" >/dev/null 2>&1 || true
  fi
  if [ "$replaced" != "$current" ]; then
    say "$image: $((SECONDS - image_started)) s"
  fi
}

mkdir -p "$cache"
# Several sessions may share the machine: one build at a time, and the next one finds the images made.
exec 9>"$cache/lock"
flock 9

started=$SECONDS
if [ $# -eq 0 ]; then
  set -- busybox:latest postgres:16 python:3.12-slim redis:7 registry:2 nginx:1.27
fi
for wanted in "$@"; do
  build_one "$wanted"
done
say "done in $((SECONDS - started)) s"
