import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import { accessLevels } from "~/lib/document";
import type { GranteeKind } from "~/lib/document-form";
import type { NetworkOption, PersonOption } from "~/lib/documents.server";
import { SelectField } from "./select-field";

function LevelSelect(props: { id: string }) {
  const { t } = useTranslation();
  return (
    <SelectField
      id={props.id}
      name="level"
      label={t("documents.sharing.level")}
      defaultValue="view"
    >
      {accessLevels.map((level) => (
        <option key={level} value={level}>
          {t(`documents.access.${level}`)}
        </option>
      ))}
    </SelectField>
  );
}

function GrantButton(props: { grantee: GranteeKind }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy =
    navigation.state !== "idle" &&
    navigation.formData?.get("intent") === "grant" &&
    navigation.formData.get("grantee") === props.grantee;
  return (
    <button
      type="submit"
      name="intent"
      value="grant"
      className={buttonClass("primary")}
      disabled={busy}
    >
      {busy ? t("documents.sharing.granting") : t("documents.sharing.grant")}
    </button>
  );
}

/**
 * Sharing with a person (found by name with a GET search, so it works without JavaScript), an
 * organisation or a network, each at a level. grant_document_permission decides.
 */
export function GrantForms(props: {
  personSearch: string;
  people: PersonOption[];
  organisations: NetworkOption[];
  networks: NetworkOption[];
}) {
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <section
        aria-labelledby="grant-person-heading"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h4 id="grant-person-heading" className="text-lg font-semibold">
          {t("documents.sharing.person.heading")}
        </h4>
        <Form method="get" role="search" className="flex flex-wrap items-end gap-3">
          <TextField
            id="person"
            type="search"
            label={t("documents.sharing.person.search")}
            hint={t("documents.sharing.person.searchHint")}
            defaultValue={props.personSearch}
            maxLength={200}
            className="min-w-64 flex-1"
          />
          <button type="submit" className={buttonClass("secondary")}>
            {t("documents.sharing.person.searchSubmit")}
          </button>
        </Form>
        {props.personSearch !== "" && props.people.length === 0 ? (
          <p role="status">
            {t("documents.sharing.person.noResults", { search: props.personSearch })}
          </p>
        ) : null}
        {props.people.length > 0 ? (
          <Form method="post" className="space-y-3">
            <input type="hidden" name="grantee" value="user" />
            <fieldset className="space-y-2">
              <legend className="font-medium">{t("documents.sharing.person.results")}</legend>
              <p className="text-sm text-slate-700">{t("documents.sharing.person.resultsHint")}</p>
              <ul className="space-y-1">
                {props.people.map((person, index) => (
                  <li key={person.id}>
                    <label className="flex items-center gap-2">
                      <input
                        type="radio"
                        name="granteeId"
                        value={person.id}
                        defaultChecked={index === 0 && props.people.length === 1}
                        className="h-5 w-5"
                      />
                      <span>
                        {person.name}
                        {person.organisation ? (
                          <span className="text-slate-700"> · {person.organisation}</span>
                        ) : null}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <div className="flex flex-wrap items-end gap-3">
              <LevelSelect id="person-level" />
              <GrantButton grantee="user" />
            </div>
          </Form>
        ) : null}
      </section>

      <section
        aria-labelledby="grant-organisation-heading"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h4 id="grant-organisation-heading" className="text-lg font-semibold">
          {t("documents.sharing.organisation.heading")}
        </h4>
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="grantee" value="organisation" />
          <SelectField
            id="organisation"
            name="granteeId"
            label={t("documents.sharing.organisation.label")}
            defaultValue=""
            className="min-w-64 flex-1"
          >
            <option value="">{t("documents.sharing.organisation.choose")}</option>
            {props.organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.name}
              </option>
            ))}
          </SelectField>
          <LevelSelect id="organisation-level" />
          <GrantButton grantee="organisation" />
        </Form>
      </section>

      <section
        aria-labelledby="grant-network-heading"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h4 id="grant-network-heading" className="text-lg font-semibold">
          {t("documents.sharing.networkGrant.heading")}
        </h4>
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="grantee" value="network" />
          <SelectField
            id="network"
            name="granteeId"
            label={t("documents.sharing.networkGrant.label")}
            defaultValue=""
            className="min-w-64 flex-1"
          >
            <option value="">{t("documents.sharing.networkGrant.choose")}</option>
            {props.networks.map((network) => (
              <option key={network.id} value={network.id}>
                {network.name}
              </option>
            ))}
          </SelectField>
          <LevelSelect id="network-level" />
          <GrantButton grantee="network" />
        </Form>
      </section>
    </div>
  );
}
