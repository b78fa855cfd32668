import { useTranslation } from "react-i18next";
import type { SharedDocument } from "~/lib/documents.server";

/**
 * Who may open the document without a grant, in the words of document_access(): the creator,
 * the owner organisation's admins, the network's people, and readers of a network open to
 * everyone signed in. Explains; the database decides.
 */
export function ImplicitAccess(props: { document: SharedDocument }) {
  const { t } = useTranslation();
  const { document } = props;
  return (
    <ul className="list-disc space-y-1 pl-6">
      <li>
        {document.creator
          ? t("documents.sharing.implicit.creator", { name: document.creator })
          : t("documents.sharing.implicit.creatorUnknown")}
      </li>
      {document.ownerOrganisation ? (
        <li>
          {t("documents.sharing.implicit.ownerAdmins", {
            organisation: document.ownerOrganisation,
          })}
        </li>
      ) : null}
      {document.network ? (
        <>
          <li>
            {t("documents.sharing.implicit.networkMembers", { network: document.network.name })}
          </li>
          {document.network.visibility === "signed_in" ? (
            <li>{t("documents.sharing.implicit.networkReaders")}</li>
          ) : null}
        </>
      ) : (
        <li>{t("documents.sharing.implicit.noNetwork")}</li>
      )}
      <li>{t("documents.sharing.implicit.grants")}</li>
      <li>{t("documents.sharing.implicit.readOnly")}</li>
    </ul>
  );
}
