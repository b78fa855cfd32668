/** GET /health and GET /settings, shaped as GoTrue's. */
import type { HandlerContext } from "./request-context";
import { ok } from "./responses";

const externalProviders = [
  "anonymous_users",
  "apple",
  "azure",
  "bitbucket",
  "discord",
  "facebook",
  "figma",
  "fly",
  "github",
  "gitlab",
  "google",
  "keycloak",
  "kakao",
  "linkedin_oidc",
  "notion",
  "phone",
  "saml",
  "slack_oidc",
  "spotify",
  "twitch",
  "twitter",
  "workos",
  "zoom",
] as const;

export async function health({ request }: HandlerContext): Promise<Response> {
  return ok(request, {
    version: "embedded",
    name: "GoTrue",
    description: "GoTrue is a user registration and authentication API",
  });
}

export async function settings({ request, config }: HandlerContext): Promise<Response> {
  const external: Record<string, boolean> = { email: true };
  for (const provider of externalProviders) external[provider] = false;
  return ok(request, {
    external,
    disable_signup: config.disableSignup,
    mailer_autoconfirm: config.mailerAutoconfirm,
    phone_autoconfirm: false,
    sms_provider: "",
    saml_enabled: false,
  });
}
