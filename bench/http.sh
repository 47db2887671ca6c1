#!/bin/sh
# A command over HTTP against the same command in-process, in one Docket on its default start (embedded
# server, H2 backend, data in a temporary directory removed at the end), demo users, a clerk's personal access token:
# AssignTask through Docket's own dispatcher from 4 threads, then `ab -k -c 4` POST /api/assignments
# (three rounds each, alternating, medians; the ratio within this run; p50/p99 of both, the in-process command's
# own time the floor under the HTTP one), and GET /api/me as the door's floor.
#   bench/http.sh                                  3,000 requests per round after 1,000 to warm up
#   bench/http.sh --requests=1000 --seconds=3      a shorter run
#   bench/http.sh --jfr=app/target/http.jfr        a fourth HTTP round under a flight recording, summarised
#   bench/http.sh --docket.mongo.embedded.compact-every=2m   Docket's own properties (docket.*, logging.*) pass through
# Needs ab (Debian's apache2-utils). Prints a table, then the same figures as one JSON line; progress on stderr.
export JAVA_OPTS="${JAVA_OPTS:--Xmx1g -XX:FlightRecorderOptions:stackdepth=256}"
exec "$(dirname "$0")/java.sh" app vn.docket.app.bench.HttpBenchmark "$@"
