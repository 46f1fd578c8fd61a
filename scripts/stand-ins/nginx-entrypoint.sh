#!/bin/sh
# Entrypoint of the nginx:1.27 STAND-IN (Debian's nginx). Like the official image's, it prepares the configuration
# when the command is nginx: files /etc/nginx/templates/*.template become /etc/nginx/conf.d/* with the environment's
# ${VARIABLES} substituted (and nothing else, so nginx's own $variables survive), then every executable
# /docker-entrypoint.d/*.sh runs. nginx itself stays PID 1 in the foreground (CMD `nginx -g 'daemon off;'`).
set -eu

say() {
  echo "nginx stand-in: $*"
}

render_templates() {
  templates=${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}
  suffix=${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}
  target=${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}
  [ -d "$templates" ] || return 0
  # Only variables that are set are replaced: an unknown ${name} stays for nginx to read.
  defined=$(env | sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=.*/${\1}/p' | tr '\n' ' ')
  find "$templates" -follow -type f -name "*$suffix" | while read -r template; do
    relative=${template#"$templates"/}
    output="$target/${relative%"$suffix"}"
    mkdir -p "$(dirname "$output")"
    say "$template -> $output"
    envsubst "$defined" <"$template" >"$output"
  done
}

case "${1:-}" in
  nginx | nginx-debug)
    render_templates
    if [ -d /docker-entrypoint.d ]; then
      for script in /docker-entrypoint.d/*.sh; do
        [ -x "$script" ] || continue
        say "running $script"
        "$script"
      done
    fi
    ;;
esac

exec "$@"
