#!/bin/sh
# Docket's event store against axon-mongo, in one JVM on the embedded server.
#   bench/run.sh --quick                      smoke run (a few minutes)
#   bench/run.sh                              full: 10,000 and 200,000 stored events
#   bench/run.sh --stored=10000,50000 --seconds=5 --backend=h2
# Prints a table, then the same figures as one JSON line; progress on stderr.
set -e
cd "$(dirname "$0")/.."
# Builds with package (nothing is installed into ~/.m2) and runs the test classpath directly.
./mvnw -B -q -pl platform -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java ${JAVA_OPTS:--Xmx3g} -Daxoniq.update-checker.disabled=true \
  -cp "platform/target/test-classes:platform/target/classes:$(cat platform/target/bench-classpath.txt)" \
  vn.docket.platform.eventstore.bench.EventStoreBenchmark "$@"
