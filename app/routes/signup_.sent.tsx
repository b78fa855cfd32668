import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18nServer } from "~/lib/i18n.server";
import { pageTitle } from "~/lib/page-title";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18nServer.getFixedT(request);
  return data({ title: pageTitle(t("signup.sentTitle")) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Verkko" }];

export default function SignupSent() {
  const { t } = useTranslation();
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">{t("signup.sentTitle")}</h1>
      <p className="text-lg text-slate-800">{t("signup.sentText")}</p>
      <p className="text-slate-800">{t("signup.sentNext")}</p>
      <p>
        <Link to="/login" className="font-medium text-blue-800 underline underline-offset-4">
          {t("signup.signInLink")}
        </Link>
      </p>
    </div>
  );
}
