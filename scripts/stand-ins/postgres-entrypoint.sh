#!/bin/bash
# Entrypoint of the postgres:16 STAND-IN (Debian's PostgreSQL). It accepts the environment that compose files give
# the official image: POSTGRES_PASSWORD (or POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_USER, POSTGRES_DB, PGDATA,
# POSTGRES_INITDB_ARGS, POSTGRES_HOST_AUTH_METHOD, the *_FILE forms for secrets, and /docker-entrypoint-initdb.d.
set -Eeuo pipefail

fail() {
  echo "postgres stand-in: $*" >&2
  exit 1
}

# Compose secrets arrive as files: NAME_FILE holds the value of NAME. Setting both is ambiguous.
read_setting() {
  local name=$1 fallback=${2:-} file_var="${1}_FILE"
  local direct=${!name:-} from_file=${!file_var:-}
  if [ -n "$direct" ] && [ -n "$from_file" ]; then
    fail "both $name and $file_var are set; keep one"
  fi
  local value=$fallback
  if [ -n "$direct" ]; then
    value=$direct
  elif [ -n "$from_file" ]; then
    value=$(<"$from_file")
  fi
  export "$name=$value"
  unset "$file_var"
}

# Runs psql against the temporary, socket-only server of the first start.
init_psql() {
  psql -v ON_ERROR_STOP=1 --no-psqlrc --no-password --username "$POSTGRES_USER" "$@"
}

run_init_scripts() {
  local script
  for script in /docker-entrypoint-initdb.d/*; do
    [ -e "$script" ] || continue
    case "$script" in
      *.sh)
        if [ -x "$script" ]; then
          echo "postgres stand-in: running $script"
          "$script"
        else
          echo "postgres stand-in: sourcing $script"
          # shellcheck disable=SC1090
          . "$script"
        fi
        ;;
      *.sql)
        echo "postgres stand-in: running $script"
        init_psql --dbname "$POSTGRES_DB" -f "$script"
        ;;
      *.sql.gz)
        echo "postgres stand-in: running $script"
        gzip -dc "$script" | init_psql --dbname "$POSTGRES_DB"
        ;;
      *)
        echo "postgres stand-in: ignoring $script"
        ;;
    esac
  done
}

initialize_cluster() {
  read_setting POSTGRES_PASSWORD
  read_setting POSTGRES_USER postgres
  read_setting POSTGRES_DB "$POSTGRES_USER"
  read_setting POSTGRES_INITDB_ARGS
  local host_auth=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}

  if [ -z "$POSTGRES_PASSWORD" ] && [ "$host_auth" != trust ]; then
    fail "the database is uninitialized and POSTGRES_PASSWORD is not set; set it (or POSTGRES_PASSWORD_FILE), or set POSTGRES_HOST_AUTH_METHOD=trust to allow every connection without a password"
  fi
  if [ "$host_auth" = trust ]; then
    echo "postgres stand-in: WARNING: POSTGRES_HOST_AUTH_METHOD=trust lets anyone reach every database without a password" >&2
  fi

  local initdb_args=(--username="$POSTGRES_USER") password_file=""
  if [ -n "$POSTGRES_PASSWORD" ]; then
    # A file readable only by postgres keeps the password off the command line.
    password_file=$(umask 077 && mktemp)
    printf '%s\n' "$POSTGRES_PASSWORD" >"$password_file"
    initdb_args+=(--pwfile="$password_file")
  fi
  # POSTGRES_INITDB_ARGS is a word list by design, as in the official image.
  # shellcheck disable=SC2206
  initdb_args+=($POSTGRES_INITDB_ARGS)
  initdb "${initdb_args[@]}" || { rm -f "$password_file"; fail "initdb failed"; }
  rm -f "$password_file"

  # Local socket connections stay trusted (initdb's default); every other host must authenticate.
  printf '\nhost all all all %s\n' "$host_auth" >>"$PGDATA/pg_hba.conf"

  # The setup server listens on no TCP address and on a private socket folder: neither clients nor a healthcheck's
  # pg_isready can see it, so "ready" only ever means the final server with the init scripts applied.
  local setup_socket
  setup_socket=$(mktemp -d)
  pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -c unix_socket_directories='$setup_socket' -p 5432" start
  export PGHOST=$setup_socket PGPORT=5432

  export PGPASSWORD=${PGPASSWORD:-$POSTGRES_PASSWORD}
  if [ "$POSTGRES_DB" != postgres ]; then
    local exists
    exists=$(init_psql --dbname postgres -tA --set db="$POSTGRES_DB" <<'SQL'
SELECT 1 FROM pg_database WHERE datname = :'db';
SQL
    )
    if [ -z "$exists" ]; then
      init_psql --dbname postgres --set db="$POSTGRES_DB" <<'SQL'
CREATE DATABASE :"db";
SQL
    fi
  fi
  run_init_scripts
  unset PGPASSWORD

  pg_ctl -D "$PGDATA" -m fast -w stop
  unset PGHOST PGPORT
  rm -rf "$setup_socket"
  echo "postgres stand-in: initialization complete; starting the server"
}

# Options alone (e.g. `-c shared_buffers=256MB`) are options for postgres.
if [ "${1:0:1}" = '-' ]; then
  set -- postgres "$@"
fi
if [ "$1" != postgres ]; then
  exec "$@"
fi

export PGDATA=${PGDATA:-/var/lib/postgresql/data}

if [ "$(id -u)" = 0 ]; then
  # PGDATA may be a fresh volume (or a folder inside one) owned by root: hand it to postgres, then drop root.
  mkdir -p "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA" || true
  find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' +
  chown postgres:postgres /var/run/postgresql
  chmod 3777 /var/run/postgresql
  exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chmod 700 "$PGDATA" || true
  initialize_cluster
fi

# PID 1 is postgres itself, so `docker stop` reaches it directly (the image's stop signal is SIGINT: fast shutdown).
exec "$@"
