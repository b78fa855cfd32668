/**
 * PKCE for e-mail flows (what @supabase/ssr uses): the code challenge is stored when the e-mail is
 * requested, the verification link then yields a one-time auth code, and POST
 * /token?grant_type=pkce exchanges code + verifier for a session.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Queryable } from "../db";
import type { AuthConfig } from "./config";
import { AuthError, badRequest, notFound } from "./errors";
import type { AuthenticationMethod } from "./sessions";

export interface PkceChallenge {
  challenge: string;
  method: "s256" | "plain";
}

/** Validates the optional challenge fields of a request; undefined means the implicit flow. */
export function parsePkceChallenge(
  challenge: string | null | undefined,
  method: string | null | undefined,
): PkceChallenge | undefined {
  if (!challenge && !method) return undefined;
  if (!challenge || !method) {
    throw badRequest(
      "validation_failed",
      "PKCE flow requires code_challenge_method and code_challenge",
    );
  }
  const normalized = method.toLowerCase();
  if (normalized !== "s256" && normalized !== "plain") {
    throw badRequest("validation_failed", `code challenge method not supported: ${method}`);
  }
  if (challenge.length < 43 || challenge.length > 128) {
    throw badRequest("validation_failed", "code challenge has to be between 43 and 128 characters");
  }
  return { challenge, method: normalized };
}

export async function createFlowState(
  tx: Queryable,
  flow: { userId: string; pkce: PkceChallenge; method: AuthenticationMethod; now: Date },
): Promise<void> {
  await tx.query(
    `insert into auth.flow_state (user_id, auth_code, code_challenge_method, code_challenge, provider_type,
        authentication_method, created_at, updated_at)
     values ($1, $2, $3, $4, 'email', $5, $6, $6)`,
    [flow.userId, randomUUID(), flow.pkce.method, flow.pkce.challenge, flow.method, flow.now],
  );
}

/** After a PKCE verification link was followed: the code the client exchanges. */
export async function issueAuthCode(
  tx: Queryable,
  userId: string,
  method: AuthenticationMethod,
  now: Date,
): Promise<string> {
  const code = randomUUID();
  const { rows } = await tx.query<{ id: string }>(
    `update auth.flow_state set auth_code = $3, auth_code_issued_at = $4, updated_at = $4
      where id = (select id from auth.flow_state where user_id = $1 and authentication_method = $2
                  order by created_at desc limit 1)
      returning id`,
    [userId, method, code, now],
  );
  if (rows.length === 0) throw badRequest("flow_state_not_found", "No associated flow state found");
  return code;
}

interface FlowStateRow {
  id: string;
  user_id: string | null;
  code_challenge_method: string;
  code_challenge: string;
  authentication_method: AuthenticationMethod;
  auth_code_issued_at: Date | null;
}

function challengeOf(verifier: string, method: string): string {
  return method === "s256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
}

/** Consumes the flow state of `authCode`; returns whom and how it authenticated. */
export async function exchangeAuthCode(
  config: AuthConfig,
  tx: Queryable,
  authCode: string,
  verifier: string,
): Promise<{ userId: string; method: AuthenticationMethod }> {
  const { rows } = await tx.query<FlowStateRow>(
    `delete from auth.flow_state where auth_code = $1 and auth_code_issued_at is not null
     returning id, user_id, code_challenge_method, code_challenge, authentication_method, auth_code_issued_at`,
    [authCode],
  );
  const flow = rows[0];
  if (!flow?.user_id || !flow.auth_code_issued_at) {
    throw notFound("flow_state_not_found", "invalid flow state, no valid flow state found");
  }
  const issuedAt = new Date(flow.auth_code_issued_at).getTime();
  if (config.now().getTime() > issuedAt + config.flowStateExpirySeconds * 1000) {
    throw badRequest("flow_state_expired", "invalid flow state, flow state has expired");
  }
  if (challengeOf(verifier, flow.code_challenge_method) !== flow.code_challenge) {
    throw new AuthError(
      400,
      "bad_code_verifier",
      "code challenge does not match previously saved code verifier",
    );
  }
  return { userId: flow.user_id, method: flow.authentication_method };
}
