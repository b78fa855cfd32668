import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SimilarItem } from "~/lib/sparring.server";
import { useDebouncedValue } from "./use-debounced-value";

export const similarPath = "/sparring/similar";
const minLength = 3;
const delayMs = 400;

type Search =
  | { state: "idle" }
  | { state: "loading"; items: SimilarItem[] }
  | { state: "done"; items: SimilarItem[] }
  | { state: "failed" };

function itemsOf(body: unknown): SimilarItem[] | null {
  if (typeof body !== "object" || body === null) return null;
  const items = (body as { items?: unknown }).items;
  return Array.isArray(items) ? (items as SimilarItem[]) : null;
}

/** Searches for `query` once typing pauses; the newest answer wins, older requests are cancelled. */
function useSimilarItems(query: string): Search {
  const settled = useDebouncedValue(query, delayMs);
  const [search, setSearch] = useState<Search>({ state: "idle" });
  useEffect(() => {
    if (settled.length < minLength) {
      setSearch({ state: "idle" });
      return;
    }
    const aborts = new AbortController();
    setSearch((before) => ({
      state: "loading",
      items: before.state === "done" || before.state === "loading" ? before.items : [],
    }));
    fetch(`${similarPath}?${new URLSearchParams({ q: settled })}`, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      signal: aborts.signal,
    })
      .then(async (response) => {
        const items = response.ok ? itemsOf(await response.json()) : null;
        setSearch(items ? { state: "done", items } : { state: "failed" });
      })
      .catch((error: unknown) => {
        if (!aborts.signal.aborted) {
          console.warn("Looking for similar sparring items failed", error);
          setSearch({ state: "failed" });
        }
      });
    return () => aborts.abort();
  }, [settled]);
  return search;
}

/**
 * Earlier questions and interpretations like the one being written, so the person can check
 * whether it has been answered already. They open in a new tab: the question being typed stays.
 */
export function SimilarItems(props: { query: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const search = useSimilarItems(props.query);
  const items = search.state === "done" || search.state === "loading" ? search.items : [];
  return (
    <div aria-live="polite">
      {search.state === "idle" ? null : (
        <section
          aria-labelledby={headingId}
          aria-busy={search.state === "loading"}
          className="space-y-3 rounded-lg border border-slate-300 bg-slate-50 p-4"
        >
          <h3 id={headingId} className="text-lg font-semibold">
            {t("sparring.similar.heading")}
          </h3>
          {search.state === "loading" ? (
            <p className="text-sm text-slate-700">{t("sparring.similar.loading")}</p>
          ) : null}
          {search.state === "failed" ? (
            <p className="text-sm text-slate-800">{t("sparring.similar.failed")}</p>
          ) : null}
          {search.state === "done" && items.length === 0 ? (
            <p className="text-sm text-slate-700">{t("sparring.similar.none")}</p>
          ) : null}
          {items.length > 0 ? (
            <>
              <p className="text-sm text-slate-700">{t("sparring.similar.intro")}</p>
              <ul className="space-y-3">
                {items.map((item) => (
                  <li key={`${item.kind}-${item.id}`} className="space-y-1">
                    <p className="text-xs font-semibold uppercase tracking-wide text-slate-700">
                      {t(`sparring.similar.kinds.${item.kind}`)}
                    </p>
                    <a
                      href={item.link}
                      target="_blank"
                      rel="noopener"
                      className="font-medium text-blue-800 underline underline-offset-2"
                    >
                      {item.title}
                      <span className="sr-only"> {t("sparring.similar.newTab")}</span>
                    </a>
                    {item.excerpt ? (
                      <p className="line-clamp-2 text-sm text-slate-800">{item.excerpt}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      )}
    </div>
  );
}
