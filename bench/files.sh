#!/bin/sh
# Drafts as files, on one in-process Docket (embedded server on its default H2 backend, data in a fresh
# directory removed after; --backend=memory for the in-memory one), over HTTP:
# a 10 MB .docx hand-in against a raw insertMany of the same chunks, hand-ins with a file from 4 threads
# (p50/p99), changes between two versions of a 60-page plan (time, memory), store growth over 10 versions.
#   bench/files.sh               (everything)
#   JAVA_OPTS="-Xmx2g -XX:StartFlightRecording=filename=target/files.jfr" bench/files.sh upload-only   (a profile of the 10 MB hand-in)
#   bench/files.sh growth-only   (only the store growth over 10 versions)
#   bench/files.sh upload-only --backend=memory   (the backend the figures used until 05/12/2026)
#   JAVA_OPTS="-Xmx2g -Dbench.upload.rounds=40" bench/files.sh upload-only   (the last 11 of 40 rounds: a JVM that has compiled the hand-in)
# Builds without installing anything into ~/.m2. Prints a table, then the same figures as one JSON line;
# progress on stderr.
exec "$(dirname "$0")/java.sh" app vn.docket.app.bench.FilesBenchmark "$@"
