/** The comment rounds the person is invited to and those they run. */
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RoundList } from "~/components/rounds/round-list";
import { requireActiveUser } from "~/lib/access.server";
import { listMyRounds } from "~/lib/comment-rounds.server";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const locale = await getLocale(request);
  const [t, rounds] = await Promise.all([
    i18nServer.getFixedT(locale),
    listMyRounds(client, { userId: user.id }, locale),
  ]);
  return data({ title: pageTitle(t("rounds.title")), ...rounds }, { headers });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export default function CommentRounds() {
  const { invited, running } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="max-w-4xl space-y-8">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("rounds.title")}</h1>
        <p className="text-slate-800">{t("rounds.list.intro")}</p>
      </div>
      <section aria-labelledby="invited-heading" className="space-y-3">
        <h2 id="invited-heading" className="text-2xl font-semibold">
          {t("rounds.list.invited")}
        </h2>
        <RoundList rounds={invited} empty={t("rounds.list.invitedEmpty")} showAwaiting />
      </section>
      <section aria-labelledby="running-heading" className="space-y-3">
        <h2 id="running-heading" className="text-2xl font-semibold">
          {t("rounds.list.running")}
        </h2>
        <RoundList rounds={running} empty={t("rounds.list.runningEmpty")} showAwaiting={false} />
      </section>
    </div>
  );
}
