/**
 * The lawyers' and coordinators' queue: unanswered questions of their sparring networks, oldest
 * first, overdue ones marked; and the sparring networks the person belongs to. sparring_queue()
 * decides which questions are theirs; someone who is neither a lawyer nor a coordinator anywhere
 * is told what the queue is for instead.
 */
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/editorial/status-badge";
import { QueueList } from "~/components/sparring/queue-list";
import { requireActiveUser } from "~/lib/access.server";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";
import { mySparringNetworks, sparringQueue } from "~/lib/sparring-admin.server";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const locale = await getLocale(request);
  const [queue, networks, t] = await Promise.all([
    sparringQueue(client, locale),
    mySparringNetworks(client, user.id, locale),
    i18nServer.getFixedT(locale),
  ]);
  return data(
    {
      title: pageTitle(t("sparringAdmin.queueTitle")),
      queue,
      networks,
      // As the database said in each network: whether the queue has anything for them at all.
      handlesQueue: networks.some((network) => network.isLawyer || network.isCoordinator),
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

const linkClass = "font-medium text-blue-800 underline underline-offset-4";

export default function SparringQueuePage() {
  const { queue, networks, handlesQueue } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const overdue = queue.filter((item) => item.overdue).length;

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("sparringAdmin.queueTitle")}</h1>
        <p className="max-w-3xl text-slate-800">{t("sparringAdmin.queue.intro")}</p>
      </header>

      {handlesQueue || queue.length > 0 ? (
        <section
          aria-labelledby="queue-heading"
          className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
        >
          <h2 id="queue-heading" className="text-2xl font-semibold">
            {t("sparringAdmin.queue.heading")}
          </h2>
          {queue.length === 0 ? (
            <p className="rounded-md border border-dashed border-slate-400 p-4">
              {t("sparringAdmin.queue.empty")}
            </p>
          ) : (
            <>
              <p className="text-slate-700">
                {t("sparringAdmin.queue.summary", { count: queue.length })}
                {overdue > 0
                  ? ` ${t("sparringAdmin.queue.overdueSummary", { count: overdue })}`
                  : null}
              </p>
              <QueueList items={queue} />
            </>
          )}
        </section>
      ) : (
        <section
          aria-labelledby="not-lawyer-heading"
          className="max-w-3xl space-y-2 rounded-lg border border-blue-700 bg-blue-50 p-4"
        >
          <h2 id="not-lawyer-heading" className="text-xl font-semibold">
            {t("sparringAdmin.queue.notLawyerHeading")}
          </h2>
          <p>{t("sparringAdmin.queue.notLawyerText")}</p>
        </section>
      )}

      <section aria-labelledby="my-sparring-heading" className="space-y-3">
        <h2 id="my-sparring-heading" className="text-2xl font-semibold">
          {t("sparringAdmin.networks.heading")}
        </h2>
        {networks.length === 0 ? (
          <div className="space-y-2 rounded-md border border-dashed border-slate-400 p-4">
            <p>{t("sparringAdmin.networks.empty")}</p>
            <p>
              <Link to="/networks?kind=legal_sparring" className={linkClass}>
                {t("sparringAdmin.networks.find")}
              </Link>
            </p>
          </div>
        ) : (
          <ul className="divide-y divide-slate-200">
            {networks.map((network) => (
              <li key={network.id} className="space-y-1 py-3">
                <p className="flex flex-wrap items-center gap-2">
                  <Link to={`/networks/${network.slug}/sparring`} className={linkClass}>
                    {network.name}
                  </Link>
                  <span className="text-sm text-slate-700">
                    ({t(`sparringAdmin.settings.roles.${network.role}`)})
                  </span>
                  {network.isLawyer ? (
                    <StatusBadge tone="info">{t("sparringAdmin.settings.lawyerBadge")}</StatusBadge>
                  ) : null}
                </p>
                {network.isCoordinator ? (
                  <p className="text-sm">
                    <Link
                      to={`/networks/${network.slug}/sparring/settings`}
                      className="text-blue-800 underline underline-offset-2"
                    >
                      {t("sparringAdmin.networks.settingsLink", { name: network.name })}
                    </Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
