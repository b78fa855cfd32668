import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";

/** Set from the socket on every request the adapter forwards; the embedded auth trusts it. */
export const clientAddressHeader = "x-verkko-client-ip";

/** Largest request body the embedded API accepts (bulk inserts included). */
export const maxBodyBytes = 10 * 1024 * 1024;

class BodyTooLargeError extends Error {}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function toFetchRequest(request: ExpressRequest, body: Buffer | undefined): Request {
  const url = new URL(request.originalUrl, `${request.protocol}://${request.get("host") ?? "localhost"}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  // Overwrites whatever the client sent: the embedded auth rate-limits by this address.
  headers.set(clientAddressHeader, request.socket.remoteAddress ?? "unknown");
  return new Request(url, { method: request.method, headers, body: body?.length ? new Uint8Array(body) : undefined });
}

async function sendFetchResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.appendHeader(name, value);
  });
  if (!response.body) {
    res.end();
    return;
  }
  Readable.fromWeb(response.body as import("node:stream/web").ReadableStream).pipe(res);
}

/** Mounts a web-standard `(Request) => Response` handler on express. */
export function fetchHandler(handle: (request: Request) => Promise<Response>) {
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const body = hasBody ? await readBody(req) : undefined;
      await sendFetchResponse(await handle(toFetchRequest(req, body)), res);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        res.status(413).json({ code: "PGRST413", message: "Request body is too large" });
        return;
      }
      next(error);
    }
  };
}
