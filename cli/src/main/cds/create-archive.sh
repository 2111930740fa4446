#!/usr/bin/env bash
# Build step (cli/pom.xml, phase package): records an AppCDS archive of the classes a skip-only run loads, next to the
# jar (target/devspace-build.jsa), and puts the launcher that uses it next to them (target/devspace-build). The
# training is a tiny project with a custom builder: one run builds it, the recorded run skips it.
# The JVM uses an archive only with the jar it was recorded with (same path, size and time): after copying the jar
# elsewhere, run this script (copied next to it by the build) again on the copy.
# Usage: create-archive.sh JAR
set -euo pipefail
jar="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
target="$(dirname "$jar")"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
training="$target/cds-training"
rm -rf "$training" "$target/devspace-build.jsa"
mkdir -p "$training/app/src"
printf 'FROM scratch\nCOPY . /app\n' >"$training/app/Dockerfile"
printf '*.log\n' >"$training/app/.dockerignore"
printf 'hello\n' >"$training/app/src/hello.txt"
printf '%s\n' 'version: v2beta1' 'images:' '  app:' '    image: cds/app' '    context: ./app' '    dockerfile: ./app/Dockerfile' \
    '    custom:' '      command: "true"' '      onChange: ["./app/**"]' >"$training/devspace.yaml"
run() { "$java" "$@" -jar "$jar" build --skip-push --no-pull-secrets -t cds -f "$training/devspace.yaml" --root "$training" >/dev/null; }
run
# a JDK without CDS support gives no archive: the launcher then starts the plain jar
run -XX:ArchiveClassesAtExit="$target/devspace-build.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off || rm -f "$target/devspace-build.jsa"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [[ "$here" != "$target" ]]; then
    cp "$here/devspace-build" "$here/create-archive.sh" "$target/"
fi
chmod +x "$target/devspace-build" "$target/create-archive.sh"
rm -rf "$training"
if [[ -f "$target/devspace-build.jsa" ]]; then
    echo "AppCDS archive: $target/devspace-build.jsa ($(du -h "$target/devspace-build.jsa" | cut -f1)); launcher: $target/devspace-build"
else
    echo "no AppCDS archive could be recorded with $("$java" -version 2>&1 | head -n1); the launcher $target/devspace-build starts the plain jar"
fi
