/**
 * A document's legal references (the "Lakiviittaukset" tab): the act sections it cites and, for an
 * interpretation, its structured fields. document_interpretation says what the reader may see and
 * whether they edit; save_interpretation and set_document_legal_references decide every change.
 */
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms/notice";
import {
  InterpretationFieldsFacts,
  InterpretationFieldsForm,
  QuestionLink,
} from "~/components/interpretations/interpretation-fields-form";
import { LegalReferencesForm } from "~/components/interpretations/legal-references-form";
import { requireDocument } from "~/lib/document-page.server";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import {
  type LegalFailure,
  type LegalIntent,
  legalIntents,
} from "~/lib/interpretation-fields-form";
import { loadDocumentLegal, performLegalAction } from "~/lib/interpretations.server";
import { loadLegalActs } from "~/lib/legal-acts.server";
import { pageTitle } from "~/lib/page-title";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const header = await requireDocument(request, context, params.documentId, locale);
  const [view, t] = await Promise.all([
    loadDocumentLegal(header.client, header.document.id, locale),
    i18nServer.getFixedT(locale),
  ]);
  if (!view) throw data({ notFound: true }, { status: 404, headers: header.headers });
  // Only editors choose sections; readers see the chosen ones, labelled from the view.
  const acts = view.canEdit ? await loadLegalActs(header.client) : [];
  return data(
    {
      title: pageTitle(`${t("interpretations.page.heading")}: ${header.document.title}`),
      view,
      acts,
    },
    { headers: header.headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const locale = await getLocale(request);
  const { client, headers, document } = await requireDocument(
    request,
    context,
    params.documentId,
    locale,
  );
  const form = await request.formData();
  // Anything but the tab's two forms is refused, never read as an empty choice of sections.
  if (!legalIntents.includes(form.get("intent") as LegalIntent)) {
    throw data("Unknown form", { status: 400, headers });
  }
  const result = await performLegalAction(client, document.id, form);
  if (result.ok) {
    throw redirect(`/documents/${document.id}/legal?done=${result.intent}`, { headers });
  }
  const { status, ok: _ok, ...failure } = result;
  return data<{ failure: LegalFailure }>({ failure }, { status, headers });
}

export default function DocumentLegalReferences() {
  const { view, acts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const failure = actionData?.failure ?? null;
  const doneParam = navigation.state === "idle" && !failure ? searchParams.get("done") : null;
  const done = doneParam === "fields" || doneParam === "sections" ? doneParam : null;

  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h2 className="text-2xl font-semibold">{t("interpretations.page.heading")}</h2>
        <p className="max-w-3xl text-slate-800">{t("interpretations.page.intro")}</p>
        <p className="max-w-3xl text-slate-800">{t("interpretations.page.publishNote")}</p>
        {view.canEdit ? null : (
          <p className="text-slate-800">{t("interpretations.page.readOnly")}</p>
        )}
      </div>
      {done ? <Notice tone="success">{t(`interpretations.done.${done}`)}</Notice> : null}

      {view.isInterpretation ? (
        <section aria-labelledby="interpretation-fields-heading" className="space-y-3">
          <h3 id="interpretation-fields-heading" className="text-xl font-semibold">
            {t("interpretations.fields.heading")}
          </h3>
          <p className="max-w-3xl text-slate-800">{t("interpretations.fields.intro")}</p>
          <p>
            <span className="font-medium">{t("interpretations.fields.nature")}: </span>
            <span className="rounded bg-amber-100 px-2 py-0.5 font-semibold text-amber-950">
              {t("interpretations.record.nature")}
            </span>
          </p>
          {view.questionLink ? <QuestionLink href={view.questionLink} /> : null}
          {view.canEdit && !view.hasRecord ? (
            <Notice tone="info">{t("interpretations.fields.notSaved")}</Notice>
          ) : null}
          {view.canEdit ? (
            <InterpretationFieldsForm view={view} failure={failure} />
          ) : (
            <InterpretationFieldsFacts view={view} />
          )}
        </section>
      ) : null}

      <section aria-labelledby="legal-references-heading" className="space-y-3">
        <h3 id="legal-references-heading" className="text-xl font-semibold">
          {t("interpretations.sections.heading")}
        </h3>
        <LegalReferencesForm
          acts={acts}
          sections={view.sections}
          canEdit={view.canEdit}
          failure={failure}
        />
      </section>
    </div>
  );
}
