#!/bin/sh
# Docket's event store against axon-mongo, in one JVM on the embedded server.
#   bench/run.sh --quick                      smoke run (a few minutes)
#   bench/run.sh                              full: 10,000 and 200,000 stored events
#   bench/run.sh --stored=10000,50000 --seconds=5 --backend=h2
# Prints a table, then the same figures as one JSON line; progress on stderr.
set -e
cd "$(dirname "$0")/.."
./mvnw -B -q -pl platform -am install -DskipTests
MAVEN_OPTS="${MAVEN_OPTS:--Xmx3g}" ./mvnw -B -q -pl platform test-compile exec:java \
  -Dexec.mainClass=vn.docket.platform.eventstore.bench.EventStoreBenchmark \
  -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false \
  -Daxoniq.update-checker.disabled=true \
  -Dexec.args="$*"
