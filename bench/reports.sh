#!/bin/sh
# Follow-up reports over a province's ten years: from the report timelines, against the old full replay
# of the event store, on the same data in the same run (app/.../ReportsBenchmark).
#   bench/reports.sh                 110,000 plans over 10 years (529,181 events; about 15 minutes on 2 cores)
#   bench/reports.sh 11000 1         one year of the same density
# Runs with the JVM as in production (-DargLine=: the tests compile with C1 only). Prints a table and one JSON line (also in app/target/reports-benchmark.txt); progress on stderr, so a long
# run can go to the background: bench/reports.sh > /tmp/reports.log 2>&1 &  then  tail /tmp/reports.log
set -e
cd "$(dirname "$0")/.."
AXONIQ_UPDATE_CHECKER_DISABLED=true ./mvnw -B -q -pl app -am package -Dtest=ReportsBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -DargLine= -Dbench.plans="${1:-110000}" -Dbench.years="${2:-10}"
cat app/target/reports-benchmark.txt
