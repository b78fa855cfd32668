/**
 * The reader's own feedback on a published document: where each stands and the replies. RLS
 * shows authors their own feedback (and handlers everyone's; this page asks for the reader's).
 */
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MyFeedbackList } from "~/components/library/my-feedback-list";
import { getLocale, i18nServer } from "~/lib/i18n.server";
import { listMyFeedback, requireLibraryDocument } from "~/lib/library.server";
import { pageTitle } from "~/lib/page-title";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const library = await requireLibraryDocument(request, context, params.slug, locale);
  const [items, t] = await Promise.all([
    listMyFeedback(library, locale),
    i18nServer.getFixedT(locale),
  ]);
  const { document } = library;
  return data(
    {
      title: pageTitle(`${t("library.myFeedback.title")}: ${document.title}`),
      document: { slug: document.slug, title: document.title, language: document.language },
      items,
    },
    { headers: library.headers },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export default function MyFeedbackPage() {
  const { document, items } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const documentPath = `/library/${document.slug}`;
  return (
    <div className="space-y-6">
      <nav aria-label={t("library.document.breadcrumb")} className="flex flex-wrap gap-2">
        <Link to="/library" className="text-blue-800 underline underline-offset-2">
          {t("library.title")}
        </Link>
        <span aria-hidden="true">›</span>
        <Link
          to={documentPath}
          lang={document.language}
          className="text-blue-800 underline underline-offset-2"
        >
          {document.title}
        </Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("library.myFeedback.title")}</h1>
        <p className="text-lg" lang={document.language}>
          {document.title}
        </p>
        <p className="max-w-3xl text-slate-700">{t("library.myFeedback.intro")}</p>
      </header>
      {items.length === 0 ? (
        <div className="space-y-2 rounded-lg border border-dashed border-slate-400 p-6">
          <p>{t("library.myFeedback.empty")}</p>
          <p>
            <Link
              to={`${documentPath}#feedback`}
              className="text-blue-800 underline underline-offset-2"
            >
              {t("library.myFeedback.give")}
            </Link>
          </p>
        </div>
      ) : (
        <MyFeedbackList items={items} />
      )}
      <p>
        <Link to={documentPath} className="text-blue-800 underline underline-offset-2">
          {t("library.myFeedback.back")}
        </Link>
      </p>
    </div>
  );
}
