/**
 * The benchmark's peer: @hocuspocus/server 3.4.4 as a process of its own (like ours), checking the
 * same collab token on connect. Documents live in memory only: no onStoreDocument, so it does no
 * persistence work at all, where ours appends every update to the database log within 100 ms and
 * compacts on a debounce. The figures say so next to it.
 *
 * Run by tests/bench/collab.ts: PORT and JWT_SECRET in the environment; prints "listening" when
 * ready.
 */
import { Server } from "@hocuspocus/server";
import { verifyCollabToken } from "../../server/collab/token";

const port = Number(process.env.PORT);
const secret = process.env.JWT_SECRET;
if (!port || !secret) throw new Error("PORT and JWT_SECRET are required");

const server = new Server({
  port,
  address: "127.0.0.1",
  quiet: true,
  stopOnSignals: true,
  async onAuthenticate({ token, documentName }) {
    const identity = await verifyCollabToken(secret, token, documentName);
    if (!identity) throw new Error("forbidden");
    return { userId: identity.userId };
  },
});
await server.listen();
console.log("listening");
