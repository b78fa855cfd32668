/**
 * bcrypt, as GoTrue: hashes from seeds made with pgcrypto's crypt(…, gen_salt('bf')) ($2a$)
 * verify like our own. An empty or non-bcrypt hash never matches.
 */
import bcrypt from "bcryptjs";
import { weakPasswordError } from "./errors";

/** Compared against when a user has no usable hash, so timing does not reveal which case it was. */
const decoyHashes = new Map<number, Promise<string>>();
function decoyHash(cost: number): Promise<string> {
  let hash = decoyHashes.get(cost);
  if (!hash) {
    hash = bcrypt.hash("no password", cost);
    decoyHashes.set(cost, hash);
  }
  return hash;
}

export function hashPassword(password: string, cost: number): Promise<string> {
  return bcrypt.hash(password, cost);
}

export async function verifyPassword(
  password: string,
  hash: string | null,
  decoyCost: number,
): Promise<boolean> {
  if (hash !== null && /^\$2[aby]\$\d{2}\$.{53}$/.test(hash)) return bcrypt.compare(password, hash);
  await bcrypt.compare(password, await decoyHash(decoyCost));
  return false;
}

/** GoTrue's default policy: a minimum length (bcrypt reads at most 72 bytes, so that is the top). */
export function assertPasswordStrength(password: string, minLength: number): void {
  if (password.length < minLength) {
    throw weakPasswordError(`Password should be at least ${minLength} characters.`, ["length"]);
  }
  if (new TextEncoder().encode(password).length > 72) {
    throw weakPasswordError("Password cannot be longer than 72 characters.", ["length"]);
  }
}
