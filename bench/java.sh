#!/bin/sh
# What the benchmarks share: builds MODULE and what it needs with package (nothing is installed into ~/.m2),
# then runs MAIN_CLASS on that module's test classpath in one JVM (JAVA_OPTS, default -Xmx2g).
#   bench/java.sh MODULE MAIN_CLASS [arguments...]
set -e
cd "$(dirname "$0")/.."
module="$1"
main="$2"
shift 2
./mvnw -B -q -pl "$module" -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java ${JAVA_OPTS:--Xmx2g} -Daxoniq.update-checker.disabled=true \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")" \
  "$main" "$@"
