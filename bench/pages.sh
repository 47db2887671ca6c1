#!/bin/sh
# The web app's pages in headless Chromium (Debian's chromium and chromium-driver, as the browser tests): a walk of
# five pages as a clerk, as on a first visit and as a person moving on between pages, on three emulated networks;
# time until each page has drawn its content, bytes transferred, and the ratio of the two walks within one run.
#   bench/pages.sh               5 rounds per network
#   bench/pages.sh --rounds=9
# Prints a table and one JSON line; progress on stderr.
exec "$(dirname "$0")/java.sh" app vn.docket.app.bench.PagesBenchmark "$@"
