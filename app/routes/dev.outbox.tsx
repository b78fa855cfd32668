import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";

/**
 * E-mails the embedded auth "sent" (confirmations, recoveries), for developers and demos. The
 * server gives loaders `readOutbox` only when embedded and not in production; otherwise 404.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!context.readOutbox) throw new Response("Not Found", { status: 404 });
  const [emails, locale] = await Promise.all([context.readOutbox(), getLocale(request)]);
  const t = await i18nServer.getFixedT(locale);
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: "short",
    timeStyle: "medium",
    timeZone: "Europe/Helsinki",
  });
  return data(
    {
      title: pageTitle(t("outbox.title")),
      emails: emails.map((email) => ({
        key: String(email.id),
        recipient: email.recipient,
        subject: email.subject,
        body: email.body,
        kind: email.kind,
        sentAt: format.format(email.createdAt),
        sentAtIso: email.createdAt.toISOString(),
      })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? "Verkko" },
  { name: "robots", content: "noindex" },
];

/** Links in a message (confirmation, recovery) made clickable; everything else stays text. */
function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string never move
          <a key={index} href={part} className="break-all text-blue-800 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

export default function DevOutbox() {
  const { emails } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <div className="max-w-2xl space-y-2">
        <h1 className="text-3xl font-bold">{t("outbox.title")}</h1>
        <p className="text-slate-800">{t("outbox.intro")}</p>
      </div>
      {emails.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <ol className="space-y-4">
          {emails.map((email) => (
            <li key={email.key}>
              <article className="rounded-lg border border-slate-300 bg-white p-4">
                <h2 className="text-lg font-semibold">{email.subject}</h2>
                <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="font-medium">{t("outbox.recipient")}</dt>
                  <dd>{email.recipient}</dd>
                  <dt className="font-medium">{t("outbox.kind")}</dt>
                  <dd>{email.kind}</dd>
                  <dt className="font-medium">{t("outbox.sentAt")}</dt>
                  <dd>
                    <time dateTime={email.sentAtIso}>{email.sentAt}</time>
                  </dd>
                </dl>
                <pre className="mt-3 overflow-x-auto rounded-md bg-slate-100 p-3 text-sm whitespace-pre-wrap">
                  <LinkifiedText text={email.body} />
                </pre>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
