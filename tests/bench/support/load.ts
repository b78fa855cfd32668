/** Closed-loop HTTP load: `connections` keep-alive workers each send the next request as soon as the last one ends. */
import { Agent, request } from "node:http";

export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  failures: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Server time from the `Server-Timing: app;dur=` header (NaN when the server sends none). */
  serverP50: number;
  serverP95: number;
  /** The first failure's status and the start of its body, for the log. */
  firstFailure?: string;
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

/**
 * Runs for `seconds` with `connections` concurrent workers. A status of 300 or more counts as a
 * failure (a redirect to /login means the session did not hold), and so does a network error.
 */
export async function runLoad(
  baseUrl: string,
  options: { seconds: number; connections: number; next: () => LoadRequest },
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const url = new URL(baseUrl);
  const latencies: number[] = [];
  const serverTimes: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const deadline = performance.now() + options.seconds * 1000;

  const once = () =>
    new Promise<void>((resolve) => {
      const next = options.next();
      const started = performance.now();
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: next.method,
          path: next.path,
          headers: next.headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            if (status >= 300) {
              failures++;
              firstFailure ??= `${status} ${next.path} ${res.headers.location ?? ""} ${Buffer.concat(chunks).toString().slice(0, 200)}`;
            } else {
              latencies.push(performance.now() - started);
              const timing = /app;dur=([0-9.]+)/.exec(String(res.headers["server-timing"] ?? ""));
              if (timing?.[1]) serverTimes.push(Number(timing[1]));
            }
            resolve();
          });
        },
      );
      req.on("error", (error) => {
        failures++;
        firstFailure ??= error.message;
        resolve();
      });
      req.end(next.body);
    });

  const worker = async () => {
    while (performance.now() < deadline) await once();
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  serverTimes.sort((a, b) => a - b);
  return {
    requests: latencies.length + failures,
    failures,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    serverP50: percentile(serverTimes, 0.5),
    serverP95: percentile(serverTimes, 0.95),
    firstFailure,
  };
}
