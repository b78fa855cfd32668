#!/usr/bin/env bash
# The whole suite in two lanes: unit + integration beside the end-to-end files. Vitest runs its
# projects one after another, and on a 2-vCPU machine the e2e files, mostly waiting on a browser
# and a server, leave room for the database tests. Fails when either lane fails.
set -u
cd "$(dirname "$0")/.."
npx vitest run --project unit --project integration &
lane=$!
npx vitest run --project e2e
e2e=$?
wait "$lane"
other=$?
if [ "$e2e" -ne 0 ] || [ "$other" -ne 0 ]; then
  exit 1
fi
