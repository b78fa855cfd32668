import type { Database, Queryable } from "../db";
import type { ApiKeys } from "../keys";
import type { UserRow } from "./users-repository";

export interface RateLimitOptions {
  /** How far back failed sign-ins count (seconds). */
  windowSeconds: number;
  /** Failed password sign-ins for one e-mail address within the window before 429. */
  maxFailuresPerEmail: number;
  /** Failed password sign-ins from one IP address within the window before 429. */
  maxFailuresPerIp: number;
}

export interface MfaOptions {
  /** GOTRUE_MFA_CHALLENGE_EXPIRY_DURATION: how long a challenge can be verified (default 300 s). */
  challengeExpirySeconds: number;
  /** GOTRUE_MFA_FACTOR_EXPIRY_DURATION: unverified factors older than this (and never challenged) are removed at the next enrolment (default 300 s). */
  factorExpirySeconds: number;
  /** GOTRUE_MFA_MAX_ENROLLED_FACTORS: factors of any status per user (default 10). */
  maxEnrolledFactors: number;
  /** GOTRUE_MFA_MAX_VERIFIED_FACTORS (default 10). */
  maxVerifiedFactors: number;
  /** Issuer in the otpauth:// URI when the client names none (default "Verkko"; GoTrue uses the site URL's host). */
  totpIssuer: string;
  /** Failed verifications of one factor within the window before 429 (default 5). */
  maxVerifyFailures: number;
  /** How far back failed verifications count (default 300 s). */
  verifyWindowSeconds: number;
}

/**
 * Extension points for what the platform decides beyond GoTrue itself. `checkAccess` runs
 * whenever a session is issued or refreshed and whenever a user token reaches /user, so a rule
 * such as "a deactivated organisation's members lose access" ends access within one request.
 * It throws an AuthError to refuse (e.g. `forbidden("user_banned", …)`).
 */
export interface AuthHooks {
  checkAccess?(user: UserRow, tx: Queryable): Promise<void>;
}

export interface AuthServiceOptions {
  db: Database;
  keys: ApiKeys;
  /** Base URL people reach the app at, for links in e-mails (e.g. http://127.0.0.1:3000). */
  siteUrl: string;
  /** Lifetime of access tokens in seconds (GoTrue's JWT_EXP, default 3600). */
  accessTokenSeconds?: number;
  /** GOTRUE_MAILER_AUTOCONFIRM: sign-ups get a session at once, no confirmation e-mail (default false). */
  mailerAutoconfirm?: boolean;
  /** GOTRUE_DISABLE_SIGNUP (default false). */
  disableSignup?: boolean;
  /** GOTRUE_PASSWORD_MIN_LENGTH (default 6). */
  passwordMinLength?: number;
  /** bcrypt cost for new hashes (default 10, as GoTrue; tests use 4). */
  bcryptCost?: number;
  /** GOTRUE_SECURITY_REFRESH_TOKEN_REUSE_INTERVAL in seconds (default 10). */
  refreshTokenReuseIntervalSeconds?: number;
  /** GOTRUE_MAILER_OTP_EXP: how long e-mailed links and codes stay valid (default 3600 s). */
  otpExpirySeconds?: number;
  /** GOTRUE_SMTP_MAX_FREQUENCY: least time between two e-mails of one kind to one user (default 60 s). */
  emailMinIntervalSeconds?: number;
  /** Lifetime of a PKCE flow state once its link was followed (default 300 s). */
  flowStateExpirySeconds?: number;
  rateLimit?: Partial<RateLimitOptions>;
  mfa?: Partial<MfaOptions>;
  /** GOTRUE_URI_ALLOW_LIST: redirect targets besides the site URL's origin (`*` matches any run of characters). */
  redirectAllowList?: string[];
  /** Request header an adapter sets to the peer address; trusted before `x-forwarded-for`. */
  clientIpHeader?: string;
  /** Clock for expiry and rate-limit windows (JWT `iat`/`exp` use it too). */
  now?: () => Date;
  hooks?: AuthHooks;
}

export interface AuthConfig {
  db: Database;
  keys: ApiKeys;
  siteUrl: string;
  issuer: string;
  accessTokenSeconds: number;
  mailerAutoconfirm: boolean;
  disableSignup: boolean;
  passwordMinLength: number;
  bcryptCost: number;
  refreshTokenReuseIntervalSeconds: number;
  otpExpirySeconds: number;
  emailMinIntervalSeconds: number;
  flowStateExpirySeconds: number;
  rateLimit: RateLimitOptions;
  mfa: MfaOptions;
  redirectAllowList: string[];
  clientIpHeader: string;
  now: () => Date;
  hooks: AuthHooks;
}

export const defaultRateLimit: RateLimitOptions = {
  windowSeconds: 300,
  maxFailuresPerEmail: 5,
  maxFailuresPerIp: 30,
};

export const defaultMfa: MfaOptions = {
  challengeExpirySeconds: 300,
  factorExpirySeconds: 300,
  maxEnrolledFactors: 10,
  maxVerifiedFactors: 10,
  totpIssuer: "Verkko",
  maxVerifyFailures: 5,
  verifyWindowSeconds: 300,
};

export function resolveConfig(options: AuthServiceOptions): AuthConfig {
  const siteUrl = options.siteUrl.replace(/\/+$/, "");
  return {
    db: options.db,
    keys: options.keys,
    siteUrl,
    issuer: `${siteUrl}/auth/v1`,
    accessTokenSeconds: options.accessTokenSeconds ?? 3600,
    mailerAutoconfirm: options.mailerAutoconfirm ?? false,
    disableSignup: options.disableSignup ?? false,
    passwordMinLength: options.passwordMinLength ?? 6,
    bcryptCost: options.bcryptCost ?? 10,
    refreshTokenReuseIntervalSeconds: options.refreshTokenReuseIntervalSeconds ?? 10,
    otpExpirySeconds: options.otpExpirySeconds ?? 3600,
    emailMinIntervalSeconds: options.emailMinIntervalSeconds ?? 60,
    flowStateExpirySeconds: options.flowStateExpirySeconds ?? 300,
    rateLimit: { ...defaultRateLimit, ...options.rateLimit },
    mfa: { ...defaultMfa, ...options.mfa },
    redirectAllowList: options.redirectAllowList ?? [],
    clientIpHeader: (options.clientIpHeader ?? "x-verkko-client-ip").toLowerCase(),
    now: options.now ?? (() => new Date()),
    hooks: options.hooks ?? {},
  };
}
