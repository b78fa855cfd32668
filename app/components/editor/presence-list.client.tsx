import { useTranslation } from "react-i18next";
import type { Participant } from "./collab-connection.client";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0] ?? "", parts.at(-1) ?? ""] : parts;
  return letters.map((part) => [...part][0]?.toUpperCase() ?? "").join("") || "?";
}

/**
 * Who has the document open: initials in each person's colour (the colour of their cursor),
 * with the full name as the accessible name and tooltip. You are listed first, as "you".
 */
export function PresenceList(props: { participants: Participant[] }) {
  const { t } = useTranslation();
  if (props.participants.length === 0) return null;
  return (
    <section aria-label={t("editor.presence.label")} className="flex items-center gap-2">
      <h2 className="sr-only">{t("editor.presence.label")}</h2>
      <ul className="flex flex-wrap items-center gap-1">
        {props.participants.map((person) => {
          const label = person.isSelf
            ? t("editor.presence.you", { name: person.name })
            : person.name;
          return (
            <li key={person.clientId} title={label} data-presence-user={person.userId ?? undefined}>
              <span
                aria-hidden="true"
                className="flex h-8 w-8 items-center justify-center rounded-full text-xs font-bold text-white ring-2 ring-white outline-2"
                style={{ backgroundColor: person.colour, outlineColor: person.colour }}
              >
                {initials(person.name)}
              </span>
              <span className="sr-only">{label}</span>
            </li>
          );
        })}
      </ul>
      <p className="text-sm text-slate-700">
        {t("editor.presence.count", { count: props.participants.length })}
      </p>
    </section>
  );
}
