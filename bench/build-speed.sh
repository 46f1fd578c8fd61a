#!/usr/bin/env bash
# Build speed, BuildKit against the classic builder in the same run, both through `composer build` on the same
# three-stage project: two independent stages (`deps`: a dependency download of 6 packages, 0.5 s each, kept in a
# cache mount; `assets`: 3 s of asset work) and the app stage (copies both, then "compiles" 10 source files,
# 0.3 s each, reusing the results of unchanged files from a cache mount, as go/cargo/ccache do).
# The work is simulated with sleep so that the figures measure the builders, not a toolchain.
# The classic builder cannot parse RUN --mount: it gets the same Dockerfile without the mounts (each download and
# each file compiled every time its step runs).
# Three cases per round: cold (--no-cache and fresh cache-mount ids), warm (nothing changed), and after a one-line
# change to one source file. Prints the median of RUNS rounds per case and the ratios BuildKit/classic.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'docker rmi -f bench-bk-app bench-classic-app >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
if [[ -n ${COMPOSER_BIN:-} ]]; then
  composer=("$COMPOSER_BIN")
else
  dotnet publish src/Composer.Cli -c Release -r linux-x64 -o "$work/composer" -nologo -v q >/dev/null
  composer=("$work/composer/composer")
fi

write_project() { # dir mode(bk|classic) nonce
  local dir=$1 mode=$2 nonce=$3 deps_mount="" build_mount=""
  mkdir -p "$dir/src"
  if [[ $mode == bk ]]; then
    deps_mount="--mount=type=cache,id=deps-$nonce,target=/cache"
    build_mount="--mount=type=cache,id=obj-$nonce,target=/cache"
  fi
  cat > "$dir/Dockerfile" <<DOCKERFILE
FROM busybox:latest AS deps
COPY deps.txt /deps.txt
RUN $deps_mount mkdir -p /cache /deps && for p in \$(cat /deps.txt); do [ -f /cache/\$p ] || { sleep 0.5; echo "\$p" > /cache/\$p; }; cp /cache/\$p /deps/; done

FROM busybox:latest AS assets
COPY assets.txt /assets.txt
RUN sleep 3 && mkdir /assets && cp /assets.txt /assets/bundle.txt

FROM busybox:latest
COPY --from=deps /deps /app/deps
COPY --from=assets /assets /app/assets
COPY src /src
RUN $build_mount mkdir -p /cache /app/obj && for f in /src/*.c; do h=\$(md5sum "\$f" | cut -c1-32); [ -f /cache/\$h ] || { sleep 0.3; cp "\$f" /cache/\$h; }; cp /cache/\$h /app/obj/\$(basename "\$f" .c).o; done
DOCKERFILE
  printf 'alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\n' > "$dir/deps.txt"
  echo "bundle" > "$dir/assets.txt"
  for i in $(seq 1 10); do printf 'int f%s(void) { return %s; }\n' "$i" "$i" > "$dir/src/file$i.c"; done
  printf 'services:\n  app:\n    build: .\n    image: bench-%s-app\n' "$mode" > "$dir/compose.yaml"
}

time_ms() { # command... -> elapsed ms
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

declare -A results
for round in $(seq "$runs"); do
  for mode in bk classic; do
    dir="$work/$mode-$round"
    write_project "$dir" "$mode" "$(date +%s%N)"
    env_mode=(env DOCKER_BUILDKIT=1)
    [[ $mode == classic ]] && env_mode=(env DOCKER_BUILDKIT=0)
    build=("${env_mode[@]}" "${composer[@]}" -f "$dir/compose.yaml" --progress plain build)
    results[$mode-cold]+="$(time_ms "${build[@]}" --no-cache) "
    results[$mode-warm]+="$(time_ms "${build[@]}") "
    printf 'int f3(void) { return 33; }\n' > "$dir/src/file3.c"
    results[$mode-change]+="$(time_ms "${build[@]}") "
  done
done

for case in cold warm change; do
  bk=$(tr ' ' '\n' <<< "${results[bk-$case]}" | grep . | median)
  classic=$(tr ' ' '\n' <<< "${results[classic-$case]}" | grep . | median)
  awk -v c="$case" -v a="$bk" -v b="$classic" 'BEGIN { printf "%-7s BuildKit %6d ms   classic %6d ms   ratio %.2f\n", c, a, b, a / b }'
done
