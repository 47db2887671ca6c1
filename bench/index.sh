#!/bin/sh
# The list's in-memory index at 50,000 assignments, in process: a page of one status read when nothing changed (the
# baseline, a pass over every entry) against the same read right after a command changed one assignment, the
# unfiltered page, a unit's page, a search and the dashboard's pass; medians and ratios to the baseline of the same run.
#   bench/index.sh              (200 rounds, 50,000 assignments)
#   bench/index.sh 100 20000
# Builds without installing anything into ~/.m2; progress on stderr.
exec "$(dirname "$0")/java.sh" query-side vn.docket.query.assignments.AssignmentIndexBenchmark "$@"
