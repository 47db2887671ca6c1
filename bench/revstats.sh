#!/bin/sh
# The revision statistics (GET /api/stats/revision-cycles) in process at 1,000 and 50,000 assignments: a clerk's
# answer, with a unit filter, a unit's staff member's (visibility), and the clerk's answer written as JSON;
# medians and the ratio to the first size. bench/read.sh's data (one assignment in six sent back once).
#   bench/revstats.sh                    (200 rounds, sizes 1000,50000)
#   bench/revstats.sh 100 1000,20000
# Builds without installing anything into ~/.m2; progress on stderr.
exec "$(dirname "$0")/java.sh" query-side vn.docket.query.revisioncycles.RevisionStatsBenchmark "$@"
