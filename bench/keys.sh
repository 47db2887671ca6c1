#!/bin/sh
# The embedded server's H2 backend as shipped (H2's default types, Java serialization) against Docket's, in the
# same run: 20,000 events read by _id in windows of 128, 5,000 single finds by stream key, then 1,000 creates'
# writes (an event committed, six read-model documents, a token); medians of the rounds and their ratio.
#   bench/keys.sh        (5 rounds)
#   bench/keys.sh 9      (9 rounds)
# Builds without installing anything into ~/.m2; progress on stderr.
exec "$(dirname "$0")/java.sh" platform vn.docket.platform.mongo.IndexLookupBenchmark "$@"
