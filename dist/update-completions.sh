#!/bin/sh
# Regenerates completions/ from the current picocli model (dev.cogauth.dist.DistFiles); commit the result.
set -eu
cd "$(dirname "$0")/.."
mvn -B -q test-compile exec:java \
  -Dexec.mainClass=dev.cogauth.dist.DistFiles \
  -Dexec.classpathScope=test \
  -Dexec.args=completions
git status --short completions/
