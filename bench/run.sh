#!/bin/sh
# Docket's event store against axon-mongo, in one JVM on the embedded server.
#   bench/run.sh --quick                      smoke run (a few minutes)
#   bench/run.sh                              full: 10,000 and 200,000 stored events
#   bench/run.sh --stored=10000,50000 --seconds=5 --backend=h2
# Prints a table, then the same figures as one JSON line; progress on stderr.
export JAVA_OPTS="${JAVA_OPTS:--Xmx3g}"
exec "$(dirname "$0")/java.sh" platform vn.docket.platform.eventstore.bench.EventStoreBenchmark "$@"
