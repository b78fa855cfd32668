/**
 * What the collab-token route answers and the browser editor reads: a short-lived token for the
 * collab server, the access the database granted, where the socket is, and how to show the
 * person to the others (name and colour). Shared by the route and the client.
 */
import { z } from "zod";
import { accessLevels } from "./document";

export const collabSessionSchema = z.object({
  token: z.string().min(1),
  access: z.enum(accessLevels),
  wsUrl: z.string().url(),
  user: z.object({
    id: z.string(),
    name: z.string(),
    colour: z.string(),
  }),
});
export type CollabSession = z.infer<typeof collabSessionSchema>;

/**
 * Colours for presence and remote cursors. Lexical writes the person's name in white on this
 * colour (12 px bold), so each has at least 4.5:1 contrast against white (Tailwind's 700/800
 * shades), and neighbours differ in hue so two people rarely look alike.
 */
export const personColours = [
  "#1d4ed8", // blue-700
  "#b91c1c", // red-700
  "#047857", // emerald-700
  "#7e22ce", // purple-700
  "#c2410c", // orange-700
  "#0f766e", // teal-700
  "#be185d", // pink-700
  "#4338ca", // indigo-700
  "#854d0e", // yellow-800
  "#15803d", // green-700
  "#0e7490", // cyan-700
  "#9f1239", // rose-800
] as const;

/** The same colour for a person on every device and in every document (FNV-1a of the id). */
export function personColour(userId: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < userId.length; index++) {
    hash ^= userId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return personColours[hash % personColours.length] ?? personColours[0];
}

/** The websocket address of the collab server for a page served at `pageUrl`. */
export function collabSocketUrl(pageUrl: string, path: string): string {
  const url = new URL(pageUrl);
  const protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return `${protocol}//${url.host}${path.replace(/\/+$/, "")}`;
}
