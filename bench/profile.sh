#!/usr/bin/env bash
# Profiles one scenario of one engine with Java Flight Recorder and says where the time and the
# allocations go (JfrSummary): the evidence for optimising the engine (issue #6, item 6).
#
#   bench/profile.sh SCENARIO [ENGINE] [JDK_HOME]      e.g. bench/profile.sh full_tls13_x25519_rsa2048
#
# ENGINE defaults to handshake, JDK_HOME to the java on the PATH. The recording covers the measured
# iterations (5 × 2 s after 5 × 1 s of warm-up), with JMH's -prof gc; the recording and summary.txt
# go to bench/target/profiles/SCENARIO-ENGINE-JDK/. MVN_FLAGS is passed to Maven; NO_BUILD=1 skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
scenario="${1:?usage: bench/profile.sh SCENARIO [ENGINE] [JDK_HOME]}"
engine="${2:-handshake}"
jdk="${3:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
feature="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")"
if [ -z "${NO_BUILD:-}" ]; then
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_FLAGS:-} -pl bench -am package -DskipTests
fi
classpath="bench/target/classes:$(cat bench/target/classpath.txt)"
dir="bench/target/profiles/$scenario-$engine-$feature"
rm -rf "$dir"
mkdir -p "$dir"
flags=()
[ "$feature" -ge 22 ] && flags+=(--enable-native-access=ALL-UNNAMED)
"$jdk/bin/java" "${flags[@]}" -cp "$classpath" org.openjdk.jmh.Main TlsBenchmark \
  -p scenario="$scenario" -p engine="$engine" -f 1 -wi 5 -w 1s -i 5 -r 2s \
  -prof gc -prof "jfr:dir=$dir" | tee "$dir/jmh.txt" | grep -E '^(Iteration|TlsBenchmark)'
recording="$(find "$dir" -name '*.jfr' | head -1)"
"$jdk/bin/java" -cp "$classpath" dev.handshake.bench.JfrSummary "$recording" dev.handshake. 25 | tee "$dir/summary.txt"
