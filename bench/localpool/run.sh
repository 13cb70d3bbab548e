#!/usr/bin/env bash
# The local pool's benchmark (not a test): full custom-with-SRP sign-ins at 1, 8 and 32 concurrent
# clients against the demo pool served in the driver's JVM on 127.0.0.1, plus an SRP-only baseline.
# Bounded: about 3 s warm-up + SECONDS per level (default 10), at most 20000 sign-ins per level.
#   bench/localpool/run.sh [SECONDS] [LEVELS]      e.g. bench/localpool/run.sh 10 1,8,32
#   PROFILE=1 bench/localpool/run.sh ...           also records a JFR file and prints the hottest methods
# Results for the record go into bench/LOCALPOOL.md by hand, with the machine line it prints.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -f target/test-classes/dev/cogauth/bench/LocalPoolBenchmark.class ] || [ ! -d target/lib ] \
    || [ -n "$(find src -newer target/test-classes/dev/cogauth/bench/LocalPoolBenchmark.class -name '*.java' -print -quit)" ]; then
  echo "run.sh: building (mvn package -DskipTests)..." >&2
  mvn -B -q -o package -DskipTests >&2 || mvn -B -q package -DskipTests >&2
fi

java_opts=(-Xms512m -Xmx512m)
if [ -n "${PROFILE:-}" ]; then
  jfr_file="target/localpool-bench.jfr"
  # The JDK's "profile" settings, but sampling Java stacks every 1 ms instead of 10 ms.
  jfc="target/localpool-bench.jfc"
  java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  sed 's|<setting name="period" control="method-sampling-java-interval">10 ms</setting>|<setting name="period" control="method-sampling-java-interval">1 ms</setting>|' \
    "$java_home/lib/jfr/profile.jfc" > "$jfc"
  java_opts+=("-XX:StartFlightRecording=filename=$jfr_file,settings=$jfc")
fi

java "${java_opts[@]}" -cp 'target/test-classes:target/classes:target/lib/*' dev.cogauth.bench.LocalPoolBenchmark "$@"

if [ -n "${PROFILE:-}" ]; then
  # Each execution sample counted once, under the first category its stack (top first) falls in.
  echo
  echo "where the CPU goes in the sign-in phases (JFR execution samples, baseline excluded; by thread, then by what the stack is doing):"
  jfr print --stack-depth 96 --events jdk.ExecutionSample "$jfr_file" | awk '
    /sampledThread = / { thread = ($0 ~ /bench-client/) ? "client" : (($0 ~ /local-pool/) ? "pool" : (($0 ~ /bench-baseline/) ? "" : "other")); cat = ""; next }
    /stackTrace = \[/ { inside = (thread != ""); next }
    inside && /^[ \t]*\]/ { if (cat == "") cat = "other"; n[thread]++; c[thread " | " cat]++; total++; inside = 0; next }
    inside && cat == "" {
      if ($0 ~ /BigInteger\.(modPow|oddModPow)/) cat = "SRP modPow (BigInteger)";
      else if ($0 ~ /sun\.security\.rsa|JwtSigner|Signature\.sign/) cat = "RSA-2048 token signing";
      else if ($0 ~ /software\.amazon\.awssdk/) cat = "AWS SDK (marshalling, interceptors, UrlConnection)";
      else if ($0 ~ /com\.fasterxml\.jackson/) cat = "JSON (Jackson)";
      else if ($0 ~ /sun\.net\.httpserver|sun\.net\.www|sun\.nio\.ch/) cat = "HTTP and sockets";
      else if ($0 ~ /MessageDigest|Mac\.|HmacCore|SHA2/) cat = "hashes and HMAC";
    }
    END {
      for (k in c) { split(k, p, " \\| "); printf "%6.1f%%  %-6s  %s\n", 100 * c[k] / total, p[1], p[2] }
      for (t in n) printf "%6.1f%%  %-6s  (all)\n", 100 * n[t] / total, t
      printf "%d samples\n", total
    }' | sort -rn
fi
