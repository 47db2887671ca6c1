#!/bin/sh
# The read side over HTTP: Docket on its default embedded H2 start, 1,000 then 50,000 assignments (appended
# in-process, then projected), Apache ab (package apache2-utils) with 4 clients and a personal access token
# on the list and the dashboard; p50/p99 and the ratio; then a restart on the same data: how long the
# assignment index takes to read the store, and its heap.
#   bench/read.sh                         1,000 and 50,000 assignments, 400 requests per measure
#   bench/read.sh --sizes=1000,5000 --requests=200
#   bench/read.sh --data=/tmp/read-data          each size in DIR/SIZE, seeded once, measured again by later runs
#   bench/read.sh --data=/tmp/read-data --only=bell,list   only the rows whose names hold one of these, no restart
#   bench/read.sh --warmup=2000           requests to warm each row up before it is measured (40 by default)
# The first size is first sent every row's requests once, unmeasured: measured cold, it ran code the later sizes
# found compiled, which flattered their ratios to it.
# Each row also says the CPU time Docket spent a request (all its threads, the embedded database's too).
# Prints a table; progress on stderr. A 50,000 run takes several minutes: run it in the background.
command -v ab >/dev/null || { echo "bench/read.sh needs ab (apt-get install apache2-utils)" >&2; exit 1; }
export JAVA_OPTS="${JAVA_OPTS:--Xmx3g}"
exec "$(dirname "$0")/java.sh" app vn.docket.app.bench.ReadBenchmark "$@"
