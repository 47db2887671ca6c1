#!/bin/sh
# How fast the assignment list is rebuilt from the event store, against a raw scan of the same events.
#   bench/rebuild.sh            5,000 assignments, 20,000 events
#   bench/rebuild.sh 50000      50,000 assignments, 200,000 events
#   bench/rebuild.sh 20000 --engine=axon-mongo --cap=90   the baseline (stopped at the cap)
# Prints a table, then the same figures as one JSON line; progress on stderr.
export JAVA_OPTS="${JAVA_OPTS:--Xmx3g}"
exec "$(dirname "$0")/java.sh" app vn.docket.app.bench.RebuildBenchmark "$@"
