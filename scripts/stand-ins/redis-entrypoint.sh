#!/bin/sh
# Entrypoint of the redis:7 STAND-IN (Debian's redis-server). It accepts the official image's usage: a command of
# `redis-server ARGS...`, bare options (`--appendonly yes`) or a config file path, and runs the server as the redis
# user in the foreground as PID 1 with /data as its working (and so data) folder.
set -eu

# Bare options or a config file are arguments for redis-server.
case "${1:-}" in
  -* | *.conf) set -- redis-server "$@" ;;
esac

if [ "${1:-}" = redis-server ]; then
  # The official image is built with protected mode off so other containers can connect; Debian's binary keeps it
  # on. Turn it off unless the arguments or the given config file say otherwise.
  chosen=no
  for argument in "$@"; do
    case "$argument" in
      *protected-mode*) chosen=yes ;;
    esac
  done
  if [ $# -ge 2 ] && [ -f "$2" ] && grep -qE '^[[:space:]]*protected-mode' "$2"; then
    chosen=yes
  fi
  if [ "$chosen" = no ]; then
    set -- "$@" --protected-mode no
  fi

  if [ "$(id -u)" = 0 ]; then
    # A fresh volume on /data is owned by root: hand it to redis, then drop root.
    find . \! -user redis -exec chown redis:redis '{}' +
    exec setpriv --reuid=redis --regid=redis --init-groups "$0" "$@"
  fi
  umask 0077
fi

exec "$@"
