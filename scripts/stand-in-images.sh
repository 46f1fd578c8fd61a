#!/usr/bin/env bash
# Builds local STAND-IN images for machines with no image registry (tests, CI, the README's demo).
# They are labelled org.composer.stand-in=true and never replace a real pull for users: where a registry answers,
# use the real images instead. Images that already exist are skipped.
#   busybox:latest   busybox-static copied into an empty root: sh, httpd, nc, wget (about 2 MB)
set -euo pipefail

have_image() {
  docker image inspect "$1" >/dev/null 2>&1
}

build_busybox() {
  local image=busybox:latest
  if have_image "$image"; then
    echo "stand-in: $image exists"
    return
  fi
  if [ ! -x /bin/busybox ] || ! file /bin/busybox 2>/dev/null | grep -q 'statically linked'; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static >/dev/null
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
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'LABEL org.composer.stand-in=true' \
    - "$image" >/dev/null
  rm -rf "$root"
  echo "stand-in: built $image"
}

build_busybox
