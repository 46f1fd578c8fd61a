#!/usr/bin/env bash
# Checks the stand-in images by running them the way compose files use the official ones. Containers talk over a
# user network of their own; the host reaches them only through ports published on 127.0.0.1. Everything created
# here (containers, networks, volumes, the test image) is removed at the end, pass or fail.
# Usage: verify.sh [postgres] [python] [redis] [nginx] [web-db]   (default: all)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
prefix=standin-verify-$$
net=$prefix-net
pg_port=${VERIFY_PG_PORT:-25432}
redis_port=${VERIFY_REDIS_PORT:-26379}
web_port=${VERIFY_WEB_PORT:-28080}
nginx_port=${VERIFY_NGINX_PORT:-28081}
containers=() volumes=() images=()
init_dir=""
passed=0 failed=0

cleanup() {
  local name
  for name in "${containers[@]}"; do docker rm -f -v "$name" >/dev/null 2>&1 || true; done
  for name in "${volumes[@]}"; do docker volume rm "$name" >/dev/null 2>&1 || true; done
  for name in "${images[@]}"; do docker rmi "$name" >/dev/null 2>&1 || true; done
  docker network rm "$net" >/dev/null 2>&1 || true
  [ -z "$init_dir" ] || rm -rf "$init_dir"
}
trap cleanup EXIT

check() {
  local description=$1
  shift
  if "$@"; then
    echo "ok    $description"
    passed=$((passed + 1))
  else
    echo "FAIL  $description"
    failed=$((failed + 1))
  fi
}

container() {
  containers+=("$1")
}

volume() {
  volumes+=("$1")
  docker volume create "$1" >/dev/null
}

running() {
  [ "$(docker inspect -f '{{.State.Running}}' "$1" 2>/dev/null)" = true ]
}

# Waits (at most $2 seconds) for a command to succeed while the container is alive.
wait_for() {
  local name=$1 limit=$2
  shift 2
  local waited
  for ((waited = 0; waited < limit; waited++)); do
    running "$name" || { docker logs "$name" 2>&1 | tail -n 20 >&2; return 1; }
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    sleep 1
  done
  docker logs "$name" 2>&1 | tail -n 20 >&2
  return 1
}

pg_ready() {
  docker exec "$1" pg_isready -q
}

equals() {
  [ "$1" = "$2" ] || { echo "      expected '$2', got '$1'" >&2; return 1; }
}

contains() {
  case "$1" in *"$2"*) return 0 ;; esac
  echo "      '$2' not in: $1" >&2
  return 1
}

verify_postgres() {
  echo "== postgres:16"
  local first=$prefix-pg1 second=$prefix-pg2 data=$prefix-pgdata
  volume "$data"
  init_dir=$(mktemp -d)
  printf 'CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL);\n' >"$init_dir/01-schema.sql"
  # shellcheck disable=SC2016 # expanded by the init script, not here
  printf 'echo "init script sees db=$POSTGRES_DB user=$POSTGRES_USER" >/tmp/init-ran\n' >"$init_dir/02-note.sh"
  chmod -R a+rX "$init_dir"

  container "$first"
  docker run -d --name "$first" --network "$net" --network-alias db \
    -e POSTGRES_PASSWORD=s3cret -e POSTGRES_USER=app -e POSTGRES_DB=appdb \
    -e PGDATA=/var/lib/postgresql/data/pgdata \
    -v "$data:/var/lib/postgresql/data" -v "$init_dir:/docker-entrypoint-initdb.d:ro" \
    -p "127.0.0.1:$pg_port:5432" postgres:16 >/dev/null
  check "first start initializes and becomes ready" wait_for "$first" 60 pg_ready "$first"
  check "PID 1 is postgres, run by the postgres user" \
    equals "$(docker exec "$first" sh -c 'stat -c %U /proc/1; cat /proc/1/comm' | paste -sd' ')" "postgres postgres"
  check "init *.sh ran with the settings" \
    equals "$(docker exec "$first" cat /tmp/init-ran)" "init script sees db=appdb user=app"
  check "pg_isready with the compose healthcheck's arguments" docker exec "$first" pg_isready -q -U app -d appdb

  check "psql from another container with the password (scram) writes a row" \
    docker run --rm --network "$net" -e PGPASSWORD=s3cret postgres:16 \
    psql -q -v ON_ERROR_STOP=1 -h db -U app -d appdb -c "INSERT INTO notes VALUES (1, 'kept')"
  check "a wrong password is refused" \
    bash -c "! docker run --rm --network '$net' -e PGPASSWORD=wrong postgres:16 psql -h db -U app -d appdb -c 'SELECT 1' 2>/dev/null"
  if command -v psql >/dev/null 2>&1; then
    check "host psql through 127.0.0.1:$pg_port reads the row" \
      equals "$(PGPASSWORD=s3cret psql -h 127.0.0.1 -p "$pg_port" -U app -d appdb -tAc 'SELECT body FROM notes WHERE id = 1')" kept
  fi
  check "psycopg 3 in python:3.12-slim talks to it" \
    equals "$(docker run --rm --network "$net" python:3.12-slim python -c '
import psycopg
with psycopg.connect("postgres://app:s3cret@db:5432/appdb") as connection:
    print(connection.execute("SELECT count(*) FROM notes").fetchone()[0])')" 1

  # A connected client would hold up a smart (SIGTERM) shutdown; the image stops with SIGINT (fast) like the real one.
  local holder=$prefix-holder
  container "$holder"
  docker run -d --name "$holder" --network "$net" python:3.12-slim python -c '
import psycopg, time
connection = psycopg.connect("postgres://app:s3cret@db:5432/appdb")
time.sleep(120)' >/dev/null
  sleep 2
  local started=$SECONDS
  docker stop -t 30 "$first" >/dev/null
  check "docker stop with a client connected takes < 10 s" test $((SECONDS - started)) -lt 10
  check "the server shut down cleanly" contains "$(docker logs "$first" 2>&1 | tail -n 3)" "database system is shut down"
  docker rm -f "$holder" >/dev/null
  docker rm "$first" >/dev/null

  container "$second"
  # No password this time: an initialized PGDATA needs none, as with the official image.
  docker run -d --name "$second" --network "$net" --network-alias db \
    -e PGDATA=/var/lib/postgresql/data/pgdata -v "$data:/var/lib/postgresql/data" postgres:16 >/dev/null
  check "a new container on the same volume starts" wait_for "$second" 60 pg_ready "$second"
  check "the row survived the old container's removal" \
    equals "$(docker exec "$second" psql -U app -d appdb -tAc 'SELECT body FROM notes WHERE id = 1')" kept
  check "init scripts did not run again" bash -c "! docker exec '$second' test -e /tmp/init-ran"
  docker rm -f "$second" >/dev/null

  local nopass=$prefix-pgnopass trust=$prefix-pgtrust
  container "$nopass"
  docker run --name "$nopass" postgres:16 >/dev/null 2>&1 || true
  check "an empty PGDATA without POSTGRES_PASSWORD is refused with a message" \
    contains "$(docker logs "$nopass" 2>&1)" "POSTGRES_PASSWORD is not set"
  container "$trust"
  docker run -d --name "$trust" -e POSTGRES_HOST_AUTH_METHOD=trust postgres:16 -c max_connections=50 >/dev/null
  check "POSTGRES_HOST_AUTH_METHOD=trust starts without a password" wait_for "$trust" 60 pg_ready "$trust"
  check "bare options reach postgres" \
    equals "$(docker exec "$trust" psql -U postgres -tAc 'SHOW max_connections')" 50
  local secret=$prefix-pgsecret
  printf 'from-a-file\n' >"$init_dir/password"
  chmod a+r "$init_dir/password"
  container "$secret"
  docker run -d --name "$secret" --network "$net" --network-alias secretdb \
    -e POSTGRES_PASSWORD_FILE=/run/secrets/db-password -v "$init_dir/password:/run/secrets/db-password:ro" \
    postgres:16 >/dev/null
  check "POSTGRES_PASSWORD_FILE (compose secrets) sets the password" \
    bash -c "$(declare -f running wait_for pg_ready); wait_for '$secret' 60 pg_ready '$secret' &&
      docker run --rm --network '$net' -e PGPASSWORD=from-a-file postgres:16 psql -h secretdb -U postgres -tAc 'SELECT 1' >/dev/null"
  check "listens on all addresses" \
    equals "$(docker exec "$trust" psql -U postgres -tAc 'SHOW listen_addresses')" '*'
}

verify_python() {
  echo "== python:3.12-slim"
  check "python and python3 run, psycopg 3 imports" \
    contains "$(docker run --rm python:3.12-slim sh -c 'python --version && python3 -c "import psycopg; print(\"psycopg\", psycopg.__version__)"')" "psycopg 3."
  check "the default command is python3 (reads a script from stdin)" \
    equals "$(echo 'print(6 * 7)' | docker run --rm -i python:3.12-slim)" 42
  check "a UTF-8 locale" \
    equals "$(docker run --rm python:3.12-slim python3 -c 'import sys; print(sys.getfilesystemencoding(), sys.stdout.encoding)')" "utf-8 utf-8"
}

verify_redis() {
  echo "== redis:7"
  local first=$prefix-redis1 second=$prefix-redis2 plain=$prefix-redis3 data=$prefix-redisdata
  volume "$data"
  container "$first"
  docker run -d --name "$first" --network "$net" --network-alias cache -v "$data:/data" \
    -p "127.0.0.1:$redis_port:6379" redis:7 redis-server --appendonly yes >/dev/null
  check "redis-server --appendonly yes starts" wait_for "$first" 30 docker exec "$first" redis-cli ping
  check "PID 1 is redis-server, run by the redis user" \
    equals "$(docker exec "$first" sh -c 'stat -c %U /proc/1; cat /proc/1/comm' | paste -sd' ')" "redis redis-server"
  check "redis-cli from another container writes (protected mode off)" \
    equals "$(docker run --rm --network "$net" redis:7 redis-cli -h cache set greeting hello)" OK
  check "redis-py in python:3.12-slim reads it" \
    equals "$(docker run --rm --network "$net" python:3.12-slim python -c '
import redis
print(redis.Redis(host="cache").get("greeting").decode())')" hello
  check "appendonly is on" \
    equals "$(docker exec "$first" redis-cli config get appendonly | tail -n 1)" yes
  check "the data folder is /data" \
    equals "$(docker exec "$first" redis-cli config get dir | tail -n 1)" /data
  if command -v redis-cli >/dev/null 2>&1; then
    check "host redis-cli through 127.0.0.1:$redis_port" \
      equals "$(redis-cli -h 127.0.0.1 -p "$redis_port" get greeting)" hello
  else
    check "published port 127.0.0.1:$redis_port answers PING" \
      contains "$(printf 'PING\r\n' | timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$redis_port; cat >&3; head -c 7 <&3")" PONG
  fi
  local started=$SECONDS
  docker stop -t 30 "$first" >/dev/null
  check "docker stop (SIGTERM) takes < 10 s" test $((SECONDS - started)) -lt 10
  docker rm "$first" >/dev/null
  container "$second"
  docker run -d --name "$second" -v "$data:/data" redis:7 redis-server --appendonly yes >/dev/null
  check "a new container on the same volume starts" wait_for "$second" 30 docker exec "$second" redis-cli ping
  check "the key survived the old container's removal" \
    equals "$(docker exec "$second" redis-cli get greeting)" hello
  container "$plain"
  docker run -d --name "$plain" redis:7 --maxmemory 10mb >/dev/null
  check "bare options become redis-server arguments" wait_for "$plain" 30 docker exec "$plain" redis-cli ping
  check "protected mode is off" \
    equals "$(docker exec "$plain" redis-cli config get protected-mode | tail -n 1)" no
  check "maxmemory was applied" \
    equals "$(docker exec "$plain" redis-cli config get maxmemory | tail -n 1)" 10485760
}

verify_nginx() {
  echo "== nginx:1.27"
  local plain=$prefix-nginx1 proxy=$prefix-nginx2 templated=$prefix-nginx3 backend=$prefix-backend
  container "$plain"
  docker run -d --name "$plain" -p "127.0.0.1:$nginx_port:80" nginx:1.27 >/dev/null
  check "the default site answers on port 80" \
    wait_for "$plain" 30 bash -c "curl -fsS http://127.0.0.1:$nginx_port/ | grep -q 'Welcome to nginx'"
  check "PID 1 is the nginx master as root, the workers run as nginx" \
    equals "$(docker exec "$plain" sh -c 'stat -c %U /proc/1; for p in /proc/[0-9]*; do
      case "$(tr "\0" " " <"$p/cmdline" 2>/dev/null)" in "nginx: worker"*) stat -c %U "$p"; break ;; esac; done' | paste -sd' ')" "root nginx"
  check "the access log is the container's stdout" \
    contains "$(docker logs "$plain" 2>/dev/null)" '"GET / HTTP/1.1" 200'
  check "the error log is the container's stderr" \
    contains "$(docker logs "$plain" 2>&1 >/dev/null)" "start worker process"
  check "curl is there for healthchecks" docker exec "$plain" curl -fsS -o /dev/null http://127.0.0.1/
  check "the stop signal is SIGQUIT" equals "$(docker inspect -f '{{.Config.StopSignal}}' nginx:1.27)" SIGQUIT
  local started=$SECONDS
  docker stop -t 30 "$plain" >/dev/null
  check "docker stop shuts down gracefully in < 5 s" test $((SECONDS - started)) -lt 5
  check "the log says it shut down gracefully" contains "$(docker logs "$plain" 2>&1)" "gracefully shutting down"

  # A user's site in conf.d: a proxy that resolves its upstream through Docker's DNS on every request.
  container "$backend"
  docker run -d --name "$backend" --network "$net" --network-alias backend python:3.12-slim \
    python -m http.server 8000 --directory /etc >/dev/null
  local site=$init_dir
  [ -n "$site" ] || { init_dir=$(mktemp -d); site=$init_dir; }
  cat >"$site/default.conf" <<'CONF'
server {
    listen 80;
    resolver 127.0.0.11 valid=2s ipv6=off;
    set $backend http://backend:8000;
    location / { proxy_pass $backend; }
}
CONF
  chmod a+r "$site/default.conf"
  container "$proxy"
  docker run -d --name "$proxy" --network "$net" -v "$site/default.conf:/etc/nginx/conf.d/default.conf:ro" \
    nginx:1.27 >/dev/null
  check "a mounted conf.d/default.conf proxies to a name resolved by 127.0.0.11" \
    wait_for "$proxy" 30 bash -c "docker exec '$proxy' curl -fsS http://127.0.0.1/hostname | grep -qx '$(docker exec "$backend" cat /etc/hostname)'"

  # The official image's templates: /etc/nginx/templates/*.template with the environment substituted.
  mkdir -p "$site/templates"
  printf 'server {\n    listen ${NGINX_PORT};\n    location / { return 200 "port ${NGINX_PORT} uri $uri\\n"; }\n}\n' \
    >"$site/templates/port.conf.template"
  chmod -R a+rX "$site/templates"
  container "$templated"
  docker run -d --name "$templated" -e NGINX_PORT=8081 -v "$site/templates:/etc/nginx/templates:ro" nginx:1.27 >/dev/null
  check "templates are rendered with the environment, nginx variables kept" \
    wait_for "$templated" 30 bash -c "docker exec '$templated' curl -fsS http://127.0.0.1:8081/x | grep -qx 'port 8081 uri /x'"
}

# The web-db example as compose would run it, with plain docker commands.
verify_web_db() {
  echo "== examples/web-db (python:3.12-slim build + postgres:16 + redis:7)"
  local image=$prefix-web:dev db=$prefix-webdb cache=$prefix-webcache web=$prefix-web
  images+=("$image")
  check "the example's Dockerfile builds FROM python:3.12-slim" \
    bash -c "DOCKER_BUILDKIT=0 docker build -q -t '$image' '$here/../../examples/web-db/web' >/dev/null 2>&1"
  container "$db"
  docker run -d --name "$db" --network "$net" --network-alias webdb -e POSTGRES_USER=app -e POSTGRES_PASSWORD=pw \
    -e POSTGRES_DB=app -e PGDATA=/var/lib/postgresql/data/pgdata postgres:16 >/dev/null
  container "$cache"
  docker run -d --name "$cache" --network "$net" --network-alias webcache redis:7 redis-server --appendonly yes >/dev/null
  wait_for "$db" 60 docker exec "$db" pg_isready -U app -d app || true
  wait_for "$cache" 30 docker exec "$cache" redis-cli ping || true
  container "$web"
  docker run -d --name "$web" --network "$net" -e DATABASE_URL=postgres://app:pw@webdb:5432/app \
    -e REDIS_URL=redis://webcache:6379/0 -p "127.0.0.1:$web_port:8080" "$image" >/dev/null
  check "the web service stores visits in PostgreSQL and counts hits in Redis" \
    wait_for "$web" 30 bash -c "curl -fsS http://127.0.0.1:$web_port/ | grep -q 'hits: 1 (counter in Redis)'"
  check "a second GET counts on" \
    contains "$(curl -fsS "http://127.0.0.1:$web_port/")" "visits: 2 (rows in PostgreSQL)"
}

docker network create "$net" >/dev/null
if [ $# -eq 0 ]; then
  set -- postgres python redis nginx web-db
fi
for part in "$@"; do
  case "$part" in
    postgres) verify_postgres ;;
    python) verify_python ;;
    redis) verify_redis ;;
    nginx) verify_nginx ;;
    web-db) verify_web_db ;;
    *) echo "verify: unknown part '$part'" >&2; exit 2 ;;
  esac
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
