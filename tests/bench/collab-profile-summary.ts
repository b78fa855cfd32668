/**
 * The top self-time functions of V8 CPU profiles (from `npm run bench:collab -- --profile-dir d`),
 * grouped by function and file, and by package, so the costs of a collab server under load can be
 * read without DevTools.
 *
 * Run: node --import tsx tests/bench/collab-profile-summary.ts <file.cpuprofile> [--top 25]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values: args, positionals } = parseArgs({
  options: { top: { type: "string", default: "25" } },
  allowPositionals: true,
});

/** node_modules/<package> (scoped too), node: internals, or the repository's own path. */
function packageOf(url: string, functionName: string): string {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules?.[1]) return inModules[1];
  if (url.startsWith("node:")) return "node (internals)";
  if (url === "") return functionName.startsWith("(") ? functionName : "(native)";
  const own = /\/(server|app|tests)\/[^?]*/.exec(url);
  return own ? own[0].slice(1).split("/").slice(0, 2).join("/") : url;
}

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byNode = new Map<number, ProfileNode>(profile.nodes.map((node) => [node.id, node]));
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const sampled = [...selfTime.values()].reduce((sum, time) => sum + time, 0);
  const idle = [...selfTime]
    .filter(([id]) => byNode.get(id)?.callFrame.functionName === "(idle)")
    .reduce((sum, [, time]) => sum + time, 0);
  // Shares of the busy time: how the server spent the CPU it used.
  const total = sampled - idle;
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const [id, time] of selfTime) {
    const frame = byNode.get(id)?.callFrame;
    if (!frame || frame.functionName === "(idle)") continue;
    const where = frame.url.replace(/^file:\/\/.*?\/(node_modules|server|app|tests)\//, "$1/");
    const name = `${frame.functionName || "(anonymous)"} ${where}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + time);
    const pkg = packageOf(frame.url, frame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + time);
  }
  const top = Number(args.top);
  const print = (title: string, entries: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [name, time] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(
        `${((time / total) * 100).toFixed(1).padStart(5)} %  ${(time / 1000).toFixed(0).padStart(7)} ms  ${name}`,
      );
  };
  console.log(
    `${file}: ${(sampled / 1e6).toFixed(1)} s sampled, ${(total / 1e6).toFixed(1)} s busy (shares below are of the busy time)`,
  );
  print("By package:", byPackage);
  print("By function (self time):", byFunction);
}
