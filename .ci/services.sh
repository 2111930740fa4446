#!/usr/bin/env bash
# Starts what the integration tests and the bundled example need, on loopback only:
#   - dockerd without a bridge network (nothing is sent beyond this machine)
#   - a Docker registry with htpasswd auth on 127.0.0.1:5000
#   - the base image busybox-local:1, made from busybox-static (no image can be pulled here)
# Idempotent: what already runs is left alone. Writes the settings to $STATE/env for `source`.
set -euo pipefail

STATE=${DEVSPACE_SERVICES_DIR:-/tmp/devspace-build-services}
REGISTRY_ADDR=${DEVSPACE_TEST_REGISTRY:-127.0.0.1:5000}
REGISTRY_USER=devspace
mkdir -p "$STATE"
chmod 700 "$STATE"

need_pkgs=()
command -v dockerd >/dev/null || need_pkgs+=(docker.io)
command -v docker-registry >/dev/null || need_pkgs+=(docker-registry)
command -v htpasswd >/dev/null || need_pkgs+=(apache2-utils)
[ -x /bin/busybox ] || need_pkgs+=(busybox-static)
command -v curl >/dev/null || need_pkgs+=(curl)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  echo "services: installing ${need_pkgs[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
fi

# ---- dockerd
if ! docker info >/dev/null 2>&1; then
  echo "services: starting dockerd (--bridge=none)"
  nohup dockerd --bridge=none --iptables=false --ip-masq=false >"$STATE/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { echo "services: dockerd did not start"; tail -20 "$STATE/dockerd.log"; exit 1; }
fi

# ---- registry with basic auth
if [ ! -s "$STATE/registry-password" ]; then
  head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$STATE/registry-password"
  chmod 600 "$STATE/registry-password"
fi
code=$(curl -s -o /dev/null -w '%{http_code}' "http://$REGISTRY_ADDR/v2/" || true)
if [ "$code" != "401" ]; then
  echo "services: starting docker-registry on $REGISTRY_ADDR"
  htpasswd -Bbn "$REGISTRY_USER" "$(cat "$STATE/registry-password")" >"$STATE/htpasswd"
  cat >"$STATE/registry.yml" <<YAML
version: 0.1
log: {level: warn}
storage:
  filesystem: {rootdirectory: $STATE/registry-data}
  delete: {enabled: true}
http: {addr: $REGISTRY_ADDR}
auth:
  htpasswd: {realm: basic-realm, path: $STATE/htpasswd}
YAML
  nohup docker-registry serve "$STATE/registry.yml" >"$STATE/registry.log" 2>&1 &
  echo $! >"$STATE/registry.pid"
  for _ in $(seq 1 30); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://$REGISTRY_ADDR/v2/" || true)
    [ "$code" = "401" ] && break; sleep 0.5
  done
  [ "$code" = "401" ] || { echo "services: registry did not start"; cat "$STATE/registry.log"; exit 1; }
fi

# ---- base image
if ! docker image inspect busybox-local:1 >/dev/null 2>&1; then
  echo "services: creating busybox-local:1 from busybox-static"
  rootfs=$(mktemp -d)
  mkdir -p "$rootfs/bin" "$rootfs/tmp"
  cp /bin/busybox "$rootfs/bin/"
  for c in sh ls cat echo mkdir cp find sleep true false test stat wc sort; do ln -s busybox "$rootfs/bin/$c"; done
  tar -C "$rootfs" -c . | docker import - busybox-local:1 >/dev/null
  rm -rf "$rootfs"
fi

cat >"$STATE/env" <<ENV
export DEVSPACE_TEST_REGISTRY=$REGISTRY_ADDR
export DEVSPACE_TEST_REGISTRY_USER=$REGISTRY_USER
export DEVSPACE_TEST_REGISTRY_PASSWORD_FILE=$STATE/registry-password
export DEVSPACE_TEST_REGISTRY_CONFIG=$STATE/registry.yml
ENV
echo "services: ready (docker $(docker version --format '{{.Server.Version}}'), registry $REGISTRY_ADDR, settings in $STATE/env)"
