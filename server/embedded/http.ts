/** Response helpers shared by the embedded auth and REST services. */

export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/** Reads a JSON body; returns undefined for an empty body, throws BodyError when malformed. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError("Request body is not valid JSON");
  }
}

export class BodyError extends Error {}
