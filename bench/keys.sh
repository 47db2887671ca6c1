#!/bin/sh
# Reads by unique key on the embedded server's H2 backend: H2's default key type for the index maps against
# Docket's (FastKeysH2Backend), in the same run. 20,000 events read by _id in windows of 128, then 5,000 single
# finds by stream key; medians of the rounds and their ratio.
#   bench/keys.sh        (5 rounds)
#   bench/keys.sh 9      (9 rounds)
# Builds without installing anything into ~/.m2; progress on stderr.
exec "$(dirname "$0")/java.sh" platform vn.docket.platform.mongo.IndexLookupBenchmark "$@"
