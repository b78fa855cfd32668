import { Form, Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";

export interface SignedInUser {
  name: string;
  email: string;
}

export function AccountMenu({ user }: { user: SignedInUser | null }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  if (!user) {
    // The login page is already the invitation; a second one in the header would only repeat it.
    if (pathname === "/login") return null;
    return (
      <div className="flex items-center gap-3">
        {pathname === "/signup" ? null : (
          <Link
            to="/signup"
            className="text-sm font-medium text-blue-800 underline underline-offset-4"
          >
            {t("layout.signUp")}
          </Link>
        )}
        <Link to="/login" className={buttonClass("secondary")}>
          {t("layout.signIn")}
        </Link>
      </div>
    );
  }
  return (
    <section aria-label={t("layout.account")} className="flex items-center gap-3">
      <p className="text-sm text-slate-800">
        <span className="sr-only">{t("layout.signedInAs")}: </span>
        <span className="font-medium">{user.name}</span>
      </p>
      <Link
        to="/account"
        className="text-sm font-medium text-blue-800 underline underline-offset-4"
      >
        {t("layout.accountLink")}
      </Link>
      <Form method="post" action="/logout">
        <button type="submit" className={buttonClass("secondary")}>
          {t("layout.signOut")}
        </button>
      </Form>
    </section>
  );
}
