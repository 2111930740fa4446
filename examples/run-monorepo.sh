#!/usr/bin/env bash
# Builds the bundled example (examples/monorepo) with the command line, against the local Docker daemon and registry
# that .ci/services.sh starts on 127.0.0.1. Run it twice: the second run skips all three images.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/services.sh
mvn -B -ntp -q -DskipTests package
cd examples/monorepo
exec java -jar ../../cli/target/devspace-build.jar build --root ../.. \
  --registry-credentials "127.0.0.1:5000=devspace:/tmp/devspace-build-services/registry-password" \
  --output-env .devspace/images.env "$@"
