#!/usr/bin/env bash
# Builds the bench module and runs every benchmark on JDK 17 and JDK 25 (when present), then writes
# BENCHMARKS.md at the root of the repository: each scenario by each engine (Handshake, Handshake with
# ACCP, SunJSSE, Conscrypt, and the floor of the JCA operations), engines interleaved; retained heap
# per idle connection; cold start.
#
#   bench/run.sh [--quick] [more RunAll options, e.g. --scenarios resumed_tls13 --engines handshake,sunjsse]
#
# --quick: one round of 5 + 3 one-second iterations per (JDK, scenario, engine), about 20 minutes on
# 2 CPUs. Without it: two rounds of 10 + 5 iterations, about 70 minutes. The warm-up is long because the
# code an engine runs once per handshake reaches C2 only after thousands of handshakes: on JDK 25
# Handshake reached the floor's rate after ~12 s, not 6. Raw figures and JMH logs go to
# bench/target/results; `bench/run.sh --report-only` rewrites BENCHMARKS.md from them.
#
# JDK17 and JDK25 may name the JDK homes; MVN_FLAGS is passed to Maven (e.g. MVN_FLAGS=-o).
set -euo pipefail
cd "$(dirname "$0")/.."

jdk_home() { # the home of the java on the PATH
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}
feature() { # the feature version of a JDK home, from its release file
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}

JDK17="${JDK17:-}"
if [ -z "$JDK17" ]; then
  for candidate in "${JAVA_HOME:-}" "$(jdk_home)" /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-17-jdk-amd64; do
    if [ -n "$candidate" ] && [ -f "$candidate/release" ] && [ "$(feature "$candidate")" = 17 ]; then
      JDK17="$candidate"
      break
    fi
  done
fi
[ -n "$JDK17" ] || { echo "run.sh: no JDK 17 found; set JDK17=/path/to/jdk-17" >&2; exit 1; }
JDK25="${JDK25:-}"
if [ -z "$JDK25" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/*25*; do
    if [ -f "$candidate/release" ] && [ "$(feature "$candidate")" = 25 ]; then
      JDK25="$candidate"
      break
    fi
  done
fi

jdks=(--jdk "17=$JDK17")
if [ -n "$JDK25" ]; then
  jdks+=(--jdk "25=$JDK25")
else
  echo "run.sh: no JDK 25 found (set JDK25=...); measuring JDK 17 only" >&2
fi

report_only=false
for arg in "$@"; do
  [ "$arg" = --report-only ] && report_only=true
done
if [ "$report_only" = false ]; then
  # shellcheck disable=SC2086
  JAVA_HOME="$JDK17" mvn -B -q ${MVN_FLAGS:-} -pl bench -am package -DskipTests
fi

classpath="bench/target/classes:$(cat bench/target/classpath.txt)"
exec "$JDK17/bin/java" -cp "$classpath" dev.handshake.bench.RunAll "${jdks[@]}" \
  --out BENCHMARKS.md --results bench/target/results --command "bench/run.sh${*:+ $*}" "$@"
