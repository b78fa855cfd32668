#!/usr/bin/env bash
# The whole suite in two lanes. Vitest runs its projects one after another; on a 2-vCPU machine
# the e2e files, mostly waiting on a browser and a server, leave room for the database tests.
# Lane one: unit + integration, then a quarter of the e2e files; lane two: the other three
# quarters. Each e2e run starts its own servers on free ports, so the lanes never share one.
# Fails when any part fails.
set -u
cd "$(dirname "$0")/.."
(
  npx vitest run --project unit --project integration
  first=$?
  npx vitest run --project e2e --shard=1/4
  second=$?
  [ "$first" -eq 0 ] && [ "$second" -eq 0 ]
) &
lane=$!
status=0
for shard in 2 3 4; do
  npx vitest run --project e2e --shard="$shard/4" || status=1
done
wait "$lane" || status=1
exit "$status"
