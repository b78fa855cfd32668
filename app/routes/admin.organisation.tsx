import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import { buttonClass } from "~/components/ui/button";
import { requireSecondFactor } from "~/lib/access.server";
import { type DbErrorKey, dbErrorKey, statusForDbError } from "~/lib/db-errors";
import { formValues, parseForm } from "~/lib/form-errors";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import {
  auditPageSize,
  isKnownAuditAction,
  type MemberAction,
  memberActionSchema,
  memberActions,
  pageIndex,
} from "~/lib/organisation-admin";
import {
  administeredOrganisations,
  auditLogPage,
  displayNames,
  organisationMembers,
  runMemberAction,
} from "~/lib/organisation-admin.server";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireSecondFactor(request, context);
  const supabase = getSupabase(request, context);
  const url = new URL(request.url);
  const locale = await getLocale(request);
  const t = await i18nServer.getFixedT(locale);
  const organisations = await administeredOrganisations(supabase, user.id, locale);
  const organisation =
    organisations.find((each) => each.id === url.searchParams.get("org")) ?? organisations[0];
  const title = pageTitle(t("admin.title"));
  if (!organisation) {
    return data(
      { title, organisation: null, organisations, members: [], audit: null, confirmReset: null },
      { headers: supabase.headers },
    );
  }
  const page = pageIndex(url.searchParams.get("page"));
  const [members, audit] = await Promise.all([
    organisationMembers(supabase, organisation.id),
    auditLogPage(supabase, organisation.id, page),
  ]);
  const names = await displayNames(
    supabase,
    audit.entries.flatMap((entry) => [entry.actorId ?? "", entry.targetId ?? ""]),
  );
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Europe/Helsinki",
  });
  const confirmReset = members.find((m) => m.userId === url.searchParams.get("confirmReset"));
  return data(
    {
      title,
      organisation,
      organisations,
      members,
      confirmReset: confirmReset ?? null,
      audit: {
        page,
        pages: Math.max(1, Math.ceil(audit.total / auditPageSize)),
        entries: audit.entries.map((entry) => ({
          id: entry.id,
          at: format.format(new Date(entry.at)),
          atIso: entry.at,
          action: entry.action,
          actor: entry.actorId ? (names.get(entry.actorId) ?? entry.actorId) : null,
          target: entry.targetId ? (names.get(entry.targetId) ?? entry.targetId) : null,
        })),
      },
    },
    { headers: supabase.headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

interface ActionData {
  formError: DbErrorKey;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireSecondFactor(request, context);
  const supabase = getSupabase(request, context);
  const parsed = parseForm(memberActionSchema, formValues(await request.formData()));
  if (!parsed.success) {
    return data<ActionData>(
      { formError: "invalidValue" },
      { status: 400, headers: supabase.headers },
    );
  }
  const { intent, userId, organisationId } = parsed.data;
  const error = await runMemberAction(supabase, intent, userId, organisationId);
  if (error) {
    const formError = dbErrorKey(error);
    if (formError === "unavailable") console.error("An admin action failed", error);
    return data<ActionData>(
      { formError },
      { status: statusForDbError[formError], headers: supabase.headers },
    );
  }
  const params = new URLSearchParams({ org: organisationId, done: intent });
  throw redirect(`/admin/organisation?${params}`, { headers: supabase.headers });
}

function isMemberAction(value: string | null): value is MemberAction {
  return (memberActions as readonly (string | null)[]).includes(value);
}

type LoadedMember = ReturnType<typeof useLoaderData<typeof loader>>["members"][number];

function ActionButton(props: {
  intent: MemberAction;
  member: LoadedMember;
  organisationId: string;
  label: string;
}) {
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="userId" value={props.member.userId} />
      <input type="hidden" name="organisationId" value={props.organisationId} />
      {/* The visible word first in the name (WCAG 2.5.3), the person after it for screen readers. */}
      <button
        type="submit"
        name="intent"
        value={props.intent}
        aria-label={`${props.label}: ${props.member.name}`}
        className={buttonClass("secondary")}
      >
        {props.label}
      </button>
    </Form>
  );
}

export default function OrganisationAdmin() {
  const { organisation, organisations, members, audit, confirmReset } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const [searchParams] = useSearchParams();
  const done = navigation.state === "idle" ? searchParams.get("done") : null;

  useEffect(() => {
    if (confirmReset) confirmRef.current?.focus();
  }, [confirmReset]);

  if (!organisation) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold">{t("admin.title")}</h1>
        <p>{t("admin.noOrganisation")}</p>
      </div>
    );
  }
  const pending = members.filter((member) => member.status === "pending");
  const others = members.filter((member) => member.status !== "pending");
  const orgParam = `org=${encodeURIComponent(organisation.id)}`;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("admin.title")}</h1>
        <p className="text-lg text-slate-800">{organisation.name}</p>
        {organisations.length > 1 ? (
          <nav aria-label={t("admin.chooseOrganisation")}>
            <ul className="flex flex-wrap gap-2">
              {organisations.map((each) => (
                <li key={each.id}>
                  <Link
                    to={`?org=${encodeURIComponent(each.id)}`}
                    aria-current={each.id === organisation.id ? "page" : undefined}
                    className="text-blue-800 underline underline-offset-4"
                  >
                    {each.name}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>

      <ErrorSummary
        title={t("admin.actionFailed")}
        formError={
          actionData?.formError
            ? { id: "admin-error", message: t(`dbErrors.${actionData.formError}`) }
            : null
        }
      />
      {isMemberAction(done) && !actionData ? (
        <Notice tone="success">{t(`admin.done.${done}`)}</Notice>
      ) : null}

      {confirmReset ? (
        <section
          aria-labelledby="confirm-reset-heading"
          className="space-y-3 rounded-lg border-2 border-amber-600 bg-amber-50 p-4"
        >
          <h2
            id="confirm-reset-heading"
            ref={confirmRef}
            tabIndex={-1}
            className="text-xl font-semibold"
          >
            {t("admin.confirmResetTitle", { name: confirmReset.name })}
          </h2>
          <p>{t("admin.confirmResetText")}</p>
          <div className="flex flex-wrap gap-3">
            <Form method="post">
              <input type="hidden" name="userId" value={confirmReset.userId} />
              <input type="hidden" name="organisationId" value={organisation.id} />
              <button
                type="submit"
                name="intent"
                value="resetMfa"
                className={buttonClass("primary")}
              >
                {t("admin.confirmResetSubmit")}
              </button>
            </Form>
            <Link to={`?${orgParam}`} className={buttonClass("secondary")}>
              {t("admin.cancel")}
            </Link>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="pending-heading" className="space-y-3">
        <h2 id="pending-heading" className="text-2xl font-semibold">
          {t("admin.pendingTitle")}
        </h2>
        {pending.length === 0 ? (
          <p>{t("admin.noPending")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {pending.map((member) => (
              <li key={member.userId} className="flex flex-wrap items-center gap-3 p-3">
                <span className="font-medium">{member.name}</span>
                <span className="mr-auto text-sm text-slate-700">{member.title}</span>
                <ActionButton
                  intent="approve"
                  member={member}
                  organisationId={organisation.id}
                  label={t("admin.approve")}
                />
                <ActionButton
                  intent="reject"
                  member={member}
                  organisationId={organisation.id}
                  label={t("admin.reject")}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="members-heading" className="space-y-3">
        <h2 id="members-heading" className="text-2xl font-semibold">
          {t("admin.membersTitle")}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  {t("admin.name")}
                </th>
                <th scope="col" className="p-2">
                  {t("admin.role")}
                </th>
                <th scope="col" className="p-2">
                  {t("admin.status")}
                </th>
                <th scope="col" className="p-2">
                  {t("admin.actions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {others.map((member) => (
                <tr key={member.userId} className="border-b border-slate-200 align-top">
                  <th scope="row" className="p-2 font-medium">
                    {member.name}
                    {member.title ? (
                      <span className="block text-sm font-normal text-slate-700">
                        {member.title}
                      </span>
                    ) : null}
                  </th>
                  <td className="p-2">{t(`admin.roles.${member.role}`)}</td>
                  <td className="p-2">{t(`admin.statuses.${member.status}`)}</td>
                  <td className="flex flex-wrap gap-2 p-2">
                    {member.status === "active" ? (
                      <>
                        <ActionButton
                          intent="deactivate"
                          member={member}
                          organisationId={organisation.id}
                          label={t("admin.deactivate")}
                        />
                        <ActionButton
                          intent={member.role === "admin" ? "makeMember" : "makeAdmin"}
                          member={member}
                          organisationId={organisation.id}
                          label={t(
                            member.role === "admin" ? "admin.makeMember" : "admin.makeAdmin",
                          )}
                        />
                      </>
                    ) : null}
                    {member.status === "deactivated" ? (
                      <ActionButton
                        intent="reactivate"
                        member={member}
                        organisationId={organisation.id}
                        label={t("admin.reactivate")}
                      />
                    ) : null}
                    {member.status === "rejected" ? (
                      <ActionButton
                        intent="approve"
                        member={member}
                        organisationId={organisation.id}
                        label={t("admin.approve")}
                      />
                    ) : null}
                    <Link
                      to={`?${orgParam}&confirmReset=${encodeURIComponent(member.userId)}`}
                      aria-label={`${t("admin.resetMfa")}: ${member.name}`}
                      className={buttonClass("secondary")}
                    >
                      {t("admin.resetMfa")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {audit ? (
        <section aria-labelledby="audit-heading" className="space-y-3">
          <h2 id="audit-heading" className="text-2xl font-semibold">
            {t("admin.auditTitle")}
          </h2>
          {audit.entries.length === 0 ? (
            <p>{t("admin.auditEmpty")}</p>
          ) : (
            <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
              {audit.entries.map((entry) => (
                <li key={entry.id} className="grid gap-1 p-3 sm:grid-cols-[10rem_1fr]">
                  <time dateTime={entry.atIso} className="text-sm text-slate-700">
                    {entry.at}
                  </time>
                  <p>
                    <span className="font-medium">
                      {isKnownAuditAction(entry.action)
                        ? t(`audit.actions.${entry.action}`)
                        : entry.action}
                    </span>
                    {entry.target ? <> – {entry.target}</> : null}
                    {entry.actor ? (
                      <span className="block text-sm text-slate-700">
                        {t("admin.auditBy", { name: entry.actor })}
                      </span>
                    ) : null}
                  </p>
                </li>
              ))}
            </ol>
          )}
          <nav aria-label={t("admin.auditPages")} className="flex items-center gap-4">
            {audit.page > 0 ? (
              <Link to={`?${orgParam}&page=${audit.page - 1}`} className="text-blue-800 underline">
                {t("admin.newer")}
              </Link>
            ) : null}
            <span>{t("admin.pageOf", { page: audit.page + 1, pages: audit.pages })}</span>
            {audit.page + 1 < audit.pages ? (
              <Link to={`?${orgParam}&page=${audit.page + 1}`} className="text-blue-800 underline">
                {t("admin.older")}
              </Link>
            ) : null}
          </nav>
        </section>
      ) : null}
    </div>
  );
}
