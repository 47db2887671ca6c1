#!/bin/sh
# How fast the assignment list is rebuilt from the event store, against a raw scan of the same events.
#   bench/rebuild.sh            5,000 assignments, 20,000 events
#   bench/rebuild.sh 50000      50,000 assignments, 200,000 events
#   bench/rebuild.sh 20000 --engine=axon-mongo --cap=90   the baseline (stopped at the cap)
# Prints a table, then the same figures as one JSON line; progress on stderr.
set -e
cd "$(dirname "$0")/.."
# Builds with package (nothing is installed into ~/.m2) and runs the test classpath directly.
./mvnw -B -q -pl app -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java ${JAVA_OPTS:--Xmx3g} -Daxoniq.update-checker.disabled=true \
  -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench-classpath.txt)" \
  vn.docket.app.bench.RebuildBenchmark "$@"
