#!/usr/bin/env bash
# Regenerates the generated part of jenkins-stubs/src/main/java from the real sources, for the members listed in
# jenkins-stubs/stubs.spec. A development step (not part of any build): it needs the source trees that
# ../shared/tools/jenkins-realcheck/realcheck.sh extracts under /tmp/jenkins-realcheck/src (run realcheck once first).
# Hand-written stubs (annotation types, the StubOnly marker) are kept: they carry no "Made by jenkins-stubs/generator" line.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=${REALCHECK_WORK:-/tmp/jenkins-realcheck}/src
CP=$(cat "${REALCHECK_WORK:-/tmp/jenkins-realcheck}"/tool/*/gen.cp)
root() { ls -d "$SRC/$1@"*/"$2" | head -1; }
ROOTS="$(root jenkins core/src/main/java)=jenkins-core 2.479.3"
ROOTS+=":$(root remoting src/main/java)=remoting 3261.v9c670a_4748a_9"
ROOTS+=":$(root stapler core/src/main/java)=stapler 1903.1905.ve5a_f469356f0"
ROOTS+=":$(root workflow-step-api src/main/java)=workflow-step-api 704.ve4f0967e98fa_"
ROOTS+=":$(root credentials src/main/java)=credentials 1415.v831096eb_5534"
ROOTS+=":$(root plain-credentials src/main/java)=plain-credentials 199.v9f8e1f741799"
{ grep -rl "Made by jenkins-stubs/generator" src/main/java || true; } | xargs -r rm
java -cp "$CP" generator/StubExtractor.java stubs.spec src/main/java "$ROOTS"
