import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentCreateForm } from "~/components/documents/document-create-form";
import { requireActiveUser } from "~/lib/access.server";
import { emptyCreateDocumentValues, isUuid } from "~/lib/document-form";
import { submitCreateDocument, writableNetworks } from "~/lib/documents.server";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";
import { getSupabase } from "~/lib/supabase.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const locale = await getLocale(request);
  const t = await i18nServer.getFixedT(locale);
  const networks = await writableNetworks(client, user.id, locale);
  // ?network=<id> preselects a network the person writes in (e.g. from a workspace).
  const requested = new URL(request.url).searchParams.get("network");
  const networkId =
    isUuid(requested) && networks.some((each) => each.id === requested) ? requested : "";
  return data(
    {
      title: pageTitle(t("documents.create.heading")),
      networks,
      initialValues: { ...emptyCreateDocumentValues, networkId },
    },
    { headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export async function action({ request, context }: ActionFunctionArgs) {
  await requireActiveUser(request, context);
  const { client, headers } = getSupabase(request, context);
  const outcome = await submitCreateDocument(client, await request.formData());
  if ("id" in outcome) throw redirect(`/documents/${outcome.id}`, { headers });
  return data(
    { values: outcome.values, errors: outcome.errors },
    { status: outcome.status, headers },
  );
}

export default function NewDocument() {
  const { networks, initialValues } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">{t("documents.create.heading")}</h1>
      <p>
        <Link to="/documents" className="text-blue-800 underline underline-offset-2">
          {t("documents.create.back")}
        </Link>
      </p>
      <DocumentCreateForm
        values={actionData?.values ?? initialValues}
        errors={actionData?.errors ?? null}
        networks={networks}
      />
    </div>
  );
}
