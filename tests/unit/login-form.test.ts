import { describe, expect, it } from "vitest";
import { resources, supportedLocales } from "~/lib/i18n";
import { loginErrorKey, loginErrorKeys, parseLoginForm } from "~/lib/login-form";

describe("parseLoginForm", () => {
  it("accepts an e-mail address and a password, trimming the address", () => {
    expect(parseLoginForm({ email: "  aino@tampere.example ", password: " secret " })).toEqual({
      success: true,
      data: { email: "aino@tampere.example", password: " secret " },
    });
  });

  it("asks for both fields when both are empty", () => {
    expect(parseLoginForm({ email: "", password: "" })).toEqual({
      success: false,
      fieldErrors: { email: "emailRequired", password: "passwordRequired" },
    });
  });

  it("treats a missing field (or a file upload in its place) as empty", () => {
    expect(parseLoginForm({ email: null, password: new File([], "x") })).toEqual({
      success: false,
      fieldErrors: { email: "emailRequired", password: "passwordRequired" },
    });
  });

  it("says when the address is not an e-mail address, once per field", () => {
    expect(parseLoginForm({ email: "aino", password: "x" })).toEqual({
      success: false,
      fieldErrors: { email: "emailInvalid" },
    });
    expect(parseLoginForm({ email: "   ", password: "x" })).toEqual({
      success: false,
      fieldErrors: { email: "emailRequired" },
    });
  });

  it.each([...supportedLocales])("has a %s message for every error", (locale) => {
    const messages: Record<string, string> = resources[locale].common.login.errors;
    for (const key of loginErrorKeys) expect(messages[key], key).toBeTruthy();
  });

  it("speaks Finnish by default", () => {
    const result = parseLoginForm({ email: "aino", password: "" });
    if (result.success) throw new Error("expected the form to be refused");
    const finnish: Record<string, string> = resources.fi.common.login.errors;
    expect(finnish[result.fieldErrors.email ?? ""]).toBe(
      "Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.",
    );
    expect(finnish[result.fieldErrors.password ?? ""]).toBe("Kirjoita salasana.");
  });
});

describe("loginErrorKey", () => {
  it.each([
    [{ status: 400, code: "invalid_credentials" }, "invalidCredentials"],
    [{ status: 400, code: "email_not_confirmed" }, "emailNotConfirmed"],
    [{ status: 403, code: "access_denied" }, "accessEnded"],
    [{ status: 429, code: "over_request_rate_limit" }, "tooManyAttempts"],
    [{ status: 429 }, "tooManyAttempts"],
    [{ status: 400, code: "over_request_rate_limit" }, "tooManyAttempts"],
    [{ status: 400 }, "invalidCredentials"],
    [{ status: 500, code: "unexpected_failure" }, "unavailable"],
    [{ status: 501 }, "unavailable"],
    [{ status: 0 }, "unavailable"],
    [{}, "unavailable"],
  ] as const)("maps %j to %s", (error, key) => {
    expect(loginErrorKey(error)).toBe(key);
  });
});
