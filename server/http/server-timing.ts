import type { NextFunction, Request, Response } from "express";

/**
 * Adds `Server-Timing: app;dur=<ms>` to every response: the time from the request reaching
 * express to its headers being written (loaders, database and rendering up to the first byte).
 * Benchmarks read it to tell the server's time from queueing at the client; browsers show it in
 * their developer tools.
 */
export function serverTiming(_req: Request, res: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  const writeHead = res.writeHead;
  res.writeHead = function writeHeadWithTiming(this: Response, ...args: unknown[]) {
    if (!this.headersSent) {
      const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
      this.setHeader("Server-Timing", `app;dur=${milliseconds.toFixed(1)}`);
    }
    return (writeHead as (...rest: unknown[]) => Response).apply(this, args);
  } as Response["writeHead"];
  next();
}
