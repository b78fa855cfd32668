import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import type { Grant } from "~/lib/documents.server";

/** Who the document is shared with; managers get a remove button on each row. */
export function GrantsTable(props: { grants: Grant[]; canManage: boolean }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const revoking =
    navigation.state !== "idle" && navigation.formData?.get("intent") === "revoke"
      ? navigation.formData.get("permissionId")
      : null;
  if (props.grants.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-400 p-6">
        {t("documents.sharing.grantsEmpty")}
      </p>
    );
  }
  const nameOf = (grant: Grant) =>
    grant.name ??
    (grant.grantee === "user"
      ? t("documents.sharing.unknownPerson")
      : t("documents.sharing.hiddenName"));
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{t("documents.sharing.grantsCaption")}</caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            <th scope="col" className="p-2">
              {t("documents.sharing.columns.grantee")}
            </th>
            <th scope="col" className="p-2">
              {t("documents.sharing.columns.kind")}
            </th>
            <th scope="col" className="p-2">
              {t("documents.sharing.columns.level")}
            </th>
            <th scope="col" className="p-2">
              {t("documents.sharing.columns.grantedBy")}
            </th>
            <th scope="col" className="p-2">
              {t("documents.sharing.columns.grantedAt")}
            </th>
            {props.canManage ? (
              <th scope="col" className="p-2">
                <span className="sr-only">{t("documents.sharing.columns.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {props.grants.map((grant) => (
            <tr key={grant.id} className="border-b border-slate-200">
              <th scope="row" className="p-2 font-medium">
                {nameOf(grant)}
              </th>
              <td className="p-2">{t(`documents.sharing.granteeKinds.${grant.grantee}`)}</td>
              <td className="p-2">{t(`documents.access.${grant.level}`)}</td>
              <td className="p-2">{grant.grantedBy ?? t("documents.sharing.unknownPerson")}</td>
              <td className="p-2">
                <time dateTime={grant.grantedAt.iso}>{grant.grantedAt.text}</time>
              </td>
              {props.canManage ? (
                <td className="p-2">
                  <Form method="post">
                    <input type="hidden" name="permissionId" value={grant.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="revoke"
                      className={buttonClass("secondary")}
                      aria-label={t("documents.sharing.revokeLabel", { name: nameOf(grant) })}
                      disabled={revoking === grant.id}
                    >
                      {revoking === grant.id
                        ? t("documents.sharing.revoking")
                        : t("documents.sharing.revoke")}
                    </button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
