import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";

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

function toFetchRequest(request: IncomingMessage, body: Buffer | undefined): Request {
  const protocol = (request.socket as TLSSocket).encrypted ? "https" : "http";
  const url = new URL(request.url ?? "/", `${protocol}://${request.headers.host ?? "localhost"}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  // Overwrites whatever the client sent: the embedded auth rate-limits by this address.
  headers.set(clientAddressHeader, request.socket.remoteAddress ?? "unknown");
  return new Request(url, {
    method: request.method,
    headers,
    body: body?.length ? new Uint8Array(body) : undefined,
  });
}

async function sendFetchResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.appendHeader(name, value);
  });
  // API bodies are small JSON documents already in memory: one write beats a stream.
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  res.end(body);
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify({ code, message, details: null, hint: null }));
}

/**
 * Serves a web-standard `(Request) => Response` handler on a plain Node request, without
 * express: the embedded API is the hot path and needs none of its middleware.
 */
export function fetchHandler(handle: (request: Request) => Promise<Response>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const body = hasBody ? await readBody(req) : undefined;
      await sendFetchResponse(await handle(toFetchRequest(req, body)), res);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendError(res, 413, "PGRST413", "Request body is too large");
        return;
      }
      console.error("embedded API adapter failed", error);
      sendError(res, 500, "PGRST000", "Internal server error");
    }
  };
}
