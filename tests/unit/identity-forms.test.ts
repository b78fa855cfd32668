import { describe, expect, it } from "vitest";
import { navigationAccess } from "~/lib/access";
import { dbErrorKey } from "~/lib/db-errors";
import { formValues, parseForm } from "~/lib/form-errors";
import { resources } from "~/lib/i18n";
import {
  enrolmentSchema,
  recoveryCodeSchema,
  secondFactorErrorKey,
  totpCodeSchema,
} from "~/lib/mfa-form";
import { knownAuditActions, pageIndex } from "~/lib/organisation-admin";
import { domainSchema, organisationSchema } from "~/lib/platform-admin-form";
import { parseTags, profileSchema } from "~/lib/profile-form";
import { newPasswordSchema, signupErrorKey, signupSchema } from "~/lib/signup-form";

const uuid = "c0c0c0c0-0000-4000-8000-000000000001";

describe("signupSchema", () => {
  it("accepts a work e-mail, a name and a long enough password; no organisation means none", () => {
    expect(
      parseForm(signupSchema, {
        email: " uuno@tampere.example ",
        displayName: " Uuno Uusi ",
        password: "pitkä-salasana",
        organisationId: "",
      }),
    ).toEqual({
      success: true,
      data: {
        email: "uuno@tampere.example",
        displayName: "Uuno Uusi",
        password: "pitkä-salasana",
        organisationId: null,
      },
    });
  });

  it("names the first problem of each field as a message key", () => {
    expect(
      parseForm(signupSchema, {
        email: "uuno",
        displayName: "",
        password: "lyhyt",
        organisationId: "x",
      }),
    ).toEqual({
      success: false,
      fieldErrors: {
        email: "emailInvalid",
        displayName: "nameRequired",
        password: "passwordTooShort",
        organisationId: "organisationRequired",
      },
    });
    expect(parseForm(signupSchema, {})).toMatchObject({
      success: false,
      fieldErrors: {
        email: "emailRequired",
        displayName: "nameRequired",
        password: "passwordRequired",
      },
    });
  });

  it("refuses passwords bcrypt would cut short (over 72 bytes)", () => {
    const result = parseForm(signupSchema, {
      email: "a@b.example",
      displayName: "A",
      password: "ä".repeat(37),
    });
    expect(result).toEqual({ success: false, fieldErrors: { password: "passwordTooLong" } });
  });
});

describe("newPasswordSchema", () => {
  it("asks for the same password twice", () => {
    expect(
      parseForm(newPasswordSchema, {
        password: "pitkä-salasana",
        confirmPassword: "toinen-salasana",
      }),
    ).toEqual({
      success: false,
      fieldErrors: { confirmPassword: "passwordsDiffer" },
    });
    expect(
      parseForm(newPasswordSchema, {
        password: "pitkä-salasana",
        confirmPassword: "pitkä-salasana",
      }).success,
    ).toBe(true);
  });
});

describe("signupErrorKey", () => {
  it("does not reveal that an address is taken", () => {
    expect(signupErrorKey({ status: 422, code: "user_already_exists" })).toBeNull();
    expect(signupErrorKey({ status: 422, code: "email_exists" })).toBeNull();
  });
  it("explains weak passwords and rate limits, and calls the rest an outage", () => {
    expect(signupErrorKey({ status: 422, code: "weak_password" })).toBe("weakPassword");
    expect(signupErrorKey({ status: 429, code: "over_email_send_rate_limit" })).toBe(
      "tooManyAttempts",
    );
    expect(signupErrorKey({ status: 500 })).toBe("unavailable");
  });
});

describe("second-step codes", () => {
  it("accepts six digits, with the spaces authenticator apps show", () => {
    expect(parseForm(totpCodeSchema, { code: "123 456" })).toEqual({
      success: true,
      data: { code: "123456" },
    });
    expect(parseForm(totpCodeSchema, { code: "12345" })).toEqual({
      success: false,
      fieldErrors: { code: "codeFormat" },
    });
    expect(parseForm(totpCodeSchema, { code: "abcdef" })).toEqual({
      success: false,
      fieldErrors: { code: "codeFormat" },
    });
    expect(parseForm(totpCodeSchema, {})).toEqual({
      success: false,
      fieldErrors: { code: "codeFormat" },
    });
  });

  it("needs the factor being enrolled", () => {
    expect(parseForm(enrolmentSchema, { code: "123456", factorId: uuid }).success).toBe(true);
    expect(parseForm(enrolmentSchema, { code: "123456", factorId: "x" })).toEqual({
      success: false,
      fieldErrors: { factorId: "invalid" },
    });
  });

  it("accepts recovery codes with or without dashes, and nothing else", () => {
    expect(parseForm(recoveryCodeSchema, { code: " 1a2b-3c4d-5e6f " })).toEqual({
      success: true,
      data: { code: "1a2b-3c4d-5e6f" },
    });
    expect(parseForm(recoveryCodeSchema, { code: "1a2b3c4d5e6f" }).success).toBe(true);
    expect(parseForm(recoveryCodeSchema, { code: "'; drop table" }).success).toBe(false);
    expect(parseForm(recoveryCodeSchema, { code: "" }).success).toBe(false);
  });

  it("tells a wrong code from too many tries and from an outage", () => {
    expect(secondFactorErrorKey({ status: 422, code: "mfa_verification_failed" })).toBe(
      "codeInvalid",
    );
    expect(secondFactorErrorKey({ status: 422, code: "mfa_challenge_expired" })).toBe(
      "codeInvalid",
    );
    expect(secondFactorErrorKey({ status: 429, code: "over_request_rate_limit" })).toBe(
      "tooManyAttempts",
    );
    expect(secondFactorErrorKey({ status: 503 })).toBe("unavailable");
  });
});

describe("profile form", () => {
  it("turns the expertise text into tags without empties or repeats", () => {
    expect(
      parseTags(" työttömyysturva, 380/2023;;Työttömyysturva\n kotoutuminen  palvelut ,"),
    ).toEqual(["työttömyysturva", "380/2023", "kotoutuminen palvelut"]);
    expect(parseTags("")).toEqual([]);
  });

  it("reads checkboxes as a list and an empty title as none", () => {
    const form = new FormData();
    form.append("displayName", "Aino");
    form.append("title", "  ");
    form.append("languages", "fi");
    form.append("languages", "sv");
    form.append("languages", "fi");
    form.append("expertise", "a, b");
    form.append("preferredLocale", "sv");
    expect(parseForm(profileSchema, formValues(form, ["languages"]))).toEqual({
      success: true,
      data: {
        displayName: "Aino",
        title: null,
        languages: ["fi", "sv"],
        expertise: ["a", "b"],
        preferredLocale: "sv",
      },
    });
    expect(formValues(new FormData(), ["languages"])).toEqual({ languages: [] });
  });

  it("refuses unknown languages, too many tags and interface languages Verkko does not have", () => {
    const result = parseForm(profileSchema, {
      displayName: "Aino",
      languages: ["xx"],
      expertise: Array.from({ length: 21 }, (_, index) => `tag${index}`).join(","),
      preferredLocale: "de",
    });
    expect(result).toEqual({
      success: false,
      fieldErrors: {
        languages: "invalid",
        expertise: "tooManyTags",
        preferredLocale: "localeInvalid",
      },
    });
  });
});

describe("platform admin forms", () => {
  it("takes the domain out of a pasted address and checks it as the database does", () => {
    expect(parseForm(domainSchema, { organisationId: uuid, domain: " Aino@Tampere.FI " })).toEqual({
      success: true,
      data: { organisationId: uuid, domain: "tampere.fi" },
    });
    expect(parseForm(domainSchema, { organisationId: uuid, domain: "localhost" })).toEqual({
      success: false,
      fieldErrors: { domain: "domainInvalid" },
    });
    expect(parseForm(domainSchema, { organisationId: uuid, domain: "-bad-.fi" }).success).toBe(
      false,
    );
  });

  it("needs a Finnish name and a known kind; Swedish name and parent are optional", () => {
    expect(
      parseForm(organisationSchema, { nameFi: "Testi", nameSv: "", kind: "ngo", parentId: "" }),
    ).toEqual({
      success: true,
      data: { nameFi: "Testi", nameSv: null, kind: "ngo", parentId: null },
    });
    expect(parseForm(organisationSchema, { nameFi: " ", kind: "company" })).toEqual({
      success: false,
      fieldErrors: { nameFi: "nameRequired", kind: "kindInvalid" },
    });
  });
});

describe("dbErrorKey", () => {
  it("maps the database's refusals to what the person is told", () => {
    expect(
      dbErrorKey({ code: "42501", hint: "the session is at aal1; admin actions need aal2" }),
    ).toBe("needsSecondFactor");
    expect(dbErrorKey({ code: "42501", hint: null })).toBe("forbidden");
    expect(dbErrorKey({ code: "P0002" })).toBe("notFound");
    expect(dbErrorKey({ code: "22023" })).toBe("invalidState");
    expect(dbErrorKey({ code: "23505" })).toBe("duplicate");
    expect(dbErrorKey({ code: "23514" })).toBe("invalidValue");
    expect(dbErrorKey({ code: "PT429" })).toBe("tooManyAttempts");
    expect(dbErrorKey({ code: "08006" })).toBe("unavailable");
  });
});

describe("navigationAccess", () => {
  const base = {
    user_id: uuid,
    organisation_id: uuid,
    is_platform_admin: false,
    aal: "aal1",
  };
  it("shows the admin links only as my_access() answers", () => {
    expect(navigationAccess(null)).toEqual({
      active: false,
      organisationAdmin: false,
      platformAdmin: false,
    });
    expect(navigationAccess({ ...base, status: "active", role: "admin" })).toMatchObject({
      organisationAdmin: true,
    });
    expect(navigationAccess({ ...base, status: "deactivated", role: "admin" })).toMatchObject({
      organisationAdmin: false,
    });
    expect(
      navigationAccess({ ...base, status: null, role: null, is_platform_admin: true }),
    ).toMatchObject({
      platformAdmin: true,
    });
  });
});

describe("pageIndex", () => {
  it("reads a page number and falls back to the first page", () => {
    expect(pageIndex("3")).toBe(3);
    expect(pageIndex(null)).toBe(0);
    expect(pageIndex("-1")).toBe(0);
    expect(pageIndex("1.5")).toBe(0);
    expect(pageIndex("abc")).toBe(0);
  });
});

describe("audit action names", () => {
  it("exist in every language", () => {
    for (const locale of ["fi", "sv", "en"] as const) {
      const actions = resources[locale].common.audit.actions as Record<
        string,
        Record<string, string>
      >;
      for (const action of knownAuditActions) {
        const [group = "", name = ""] = action.split(".");
        expect(actions[group]?.[name], `${locale} ${action}`).toBeTruthy();
      }
    }
  });
});
