import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { AccountNavigation } from "~/components/account/account-navigation";
import { RecoveryCodeList } from "~/components/account/recovery-code-list";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import { requireCompleteSignIn } from "~/lib/access.server";
import { formValues, parseForm } from "~/lib/form-errors";
import { i18nServer } from "~/lib/i18n.server";
import {
  assuranceLevel,
  confirmEnrolment,
  type Enrolment,
  listTotpFactors,
  startEnrolment,
  unenrollFactor,
} from "~/lib/mfa.server";
import { enrolmentSchema, type SecondFactorErrorKey } from "~/lib/mfa-form";
import { pageTitle } from "~/lib/page-title";
import { safeRedirect } from "~/lib/safe-redirect";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCompleteSignIn(request, context);
  const supabase = getSupabase(request, context);
  const url = new URL(request.url);
  const [factors, level, t] = await Promise.all([
    listTotpFactors(supabase),
    assuranceLevel(supabase),
    i18nServer.getFixedT(request),
  ]);
  const verified = factors.find((factor) => factor.status === "verified");
  return data(
    {
      title: pageTitle(t("mfa.setupTitle")),
      factorId: verified?.id ?? null,
      verifiedAt: verified?.updated_at ?? null,
      aal2: level.currentLevel === "aal2",
      recovered: url.searchParams.get("recovered") === "1",
      required: url.searchParams.get("required") === "1",
      redirectTo: url.searchParams.has("redirectTo")
        ? safeRedirect(url.searchParams.get("redirectTo"))
        : null,
    },
    { headers: supabase.headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

type ActionData =
  | { step: "enrol"; enrolment: Enrolment; error: SecondFactorErrorKey | "codeFormat" | null }
  | { step: "codes"; recoveryCodes: string[] }
  | { step: "removed" };

export async function action({ request, context }: ActionFunctionArgs) {
  await requireCompleteSignIn(request, context);
  const supabase = getSupabase(request, context);
  const form = await request.formData();
  const intent = form.get("intent");

  if (intent === "start") {
    const enrolment = await startEnrolment(supabase);
    return data<ActionData>(
      { step: "enrol", enrolment, error: null },
      { headers: supabase.headers },
    );
  }

  if (intent === "verify") {
    // The QR code and secret travel back with the form, so a mistyped code does not start over.
    const enrolment: Enrolment = {
      factorId: String(form.get("factorId") ?? ""),
      qrCode: String(form.get("qrCode") ?? "").startsWith("data:image/svg+xml")
        ? String(form.get("qrCode"))
        : "",
      secret: String(form.get("secret") ?? ""),
    };
    const parsed = parseForm(enrolmentSchema, formValues(form));
    if (!parsed.success) {
      return data<ActionData>(
        { step: "enrol", enrolment, error: "codeFormat" },
        { status: 400, headers: supabase.headers },
      );
    }
    const result = await confirmEnrolment(supabase, parsed.data.factorId, parsed.data.code);
    if (!result.ok) {
      return data<ActionData>(
        { step: "enrol", enrolment, error: result.error },
        { status: 400, headers: supabase.headers },
      );
    }
    return data<ActionData>(
      { step: "codes", recoveryCodes: result.recoveryCodes },
      { headers: supabase.headers },
    );
  }

  if (intent === "unenroll") {
    const factorId = String(form.get("factorId") ?? "");
    const result = await unenrollFactor(supabase, factorId);
    if (!result.ok) {
      const params = new URLSearchParams({ redirectTo: "/account/mfa" });
      throw redirect(`/login/mfa?${params}`, { headers: supabase.headers });
    }
    return data<ActionData>({ step: "removed" }, { headers: supabase.headers });
  }
  throw new Response("Bad Request", { status: 400 });
}

function EnrolmentStep({
  enrolment,
  error,
}: {
  enrolment: Enrolment;
  error: SecondFactorErrorKey | "codeFormat" | null;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!error) heading.current?.focus();
  }, [error]);
  const message =
    error === "codeFormat" ? t("forms.errors.codeFormat") : error ? t(`mfa.errors.${error}`) : null;
  return (
    <section
      aria-labelledby="enrol-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 id="enrol-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold">
        {t("mfa.enrolTitle")}
      </h2>
      <ErrorSummary
        title={t("mfa.errorSummary")}
        problems={message ? [{ field: "code", message }] : []}
      />
      <ol className="list-decimal space-y-4 pl-5">
        <li className="space-y-2">
          <p>{t("mfa.scanStep")}</p>
          <img
            src={enrolment.qrCode}
            alt={t("mfa.qrAlt")}
            width={200}
            height={200}
            className="rounded-md border border-slate-300 bg-white p-2"
          />
          <p id="totp-secret-label">{t("mfa.secretStep")}</p>
          <p>
            <code
              id="totp-secret"
              className="inline-block rounded bg-slate-100 px-2 py-1 font-mono text-lg break-all"
            >
              {enrolment.secret}
            </code>
          </p>
        </li>
        <li>
          <Form method="post" noValidate className="space-y-3">
            <input type="hidden" name="factorId" value={enrolment.factorId} />
            <input type="hidden" name="qrCode" value={enrolment.qrCode} />
            <input type="hidden" name="secret" value={enrolment.secret} />
            <TextField
              id="code"
              label={t("mfa.firstCode")}
              hint={t("mfa.codeHint")}
              error={message}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={9}
              required
            />
            <button
              type="submit"
              name="intent"
              value="verify"
              className={buttonClass("primary")}
              disabled={navigation.state === "submitting"}
            >
              {t("mfa.enable")}
            </button>
          </Form>
        </li>
      </ol>
    </section>
  );
}

export default function AccountMfa() {
  const { factorId, aal2, recovered, required, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();

  let body: JSX.Element;
  if (actionData?.step === "codes") {
    body = (
      <>
        <Notice tone="success">{t("mfa.enabled")}</Notice>
        <RecoveryCodeList codes={actionData.recoveryCodes} />
        <p>
          <Link
            to={redirectTo ?? "/account"}
            className="font-medium text-blue-800 underline underline-offset-4"
          >
            {t("mfa.continue")}
          </Link>
        </p>
      </>
    );
  } else if (actionData?.step === "enrol") {
    body = <EnrolmentStep enrolment={actionData.enrolment} error={actionData.error} />;
  } else if (factorId) {
    body = (
      <>
        {actionData?.step === "removed" ? null : <p>{t("mfa.isOn")}</p>}
        <Form method="post" className="space-y-2">
          <input type="hidden" name="factorId" value={factorId} />
          <p className="text-slate-800">{aal2 ? t("mfa.removeHint") : t("mfa.removeNeedsCode")}</p>
          <button type="submit" name="intent" value="unenroll" className={buttonClass("secondary")}>
            {t("mfa.remove")}
          </button>
        </Form>
      </>
    );
  } else {
    body = (
      <>
        {actionData?.step === "removed" ? <Notice tone="info">{t("mfa.removed")}</Notice> : null}
        <p>{t("mfa.isOff")}</p>
        <Form method="post">
          <button type="submit" name="intent" value="start" className={buttonClass("primary")}>
            {t("mfa.start")}
          </button>
        </Form>
      </>
    );
  }

  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t("mfa.setupTitle")}</h1>
      <AccountNavigation />
      {recovered ? <Notice tone="warning">{t("mfa.recoveredNotice")}</Notice> : null}
      {required && !factorId ? <Notice tone="warning">{t("mfa.requiredNotice")}</Notice> : null}
      <p className="text-slate-800">{t("mfa.setupIntro")}</p>
      {body}
    </div>
  );
}
