import type { SavedView } from "@contracts";
import { useState } from "react";
import type { ListFilter } from "../../api";

export interface ViewConfig {
  columns: string[];
  sort?: string;
  filter: ListFilter;
  q: string;
}

/** What a list shows (columns, sort, filters, search) and which saved view it came from. */
export function useListState(defaults: ViewConfig) {
  const [viewId, setViewId] = useState<string | null>(null);
  const [config, setConfig] = useState<ViewConfig>(defaults);

  function applyView(view: SavedView | null) {
    setViewId(view?.id ?? null);
    setConfig(
      view
        ? { columns: view.config.columns.length ? view.config.columns : defaults.columns, sort: view.config.sort ?? defaults.sort, filter: view.config.filter ?? {}, q: view.config.q ?? "" }
        : defaults,
    );
  }

  const update = (patch: Partial<ViewConfig>) => setConfig((current) => ({ ...current, ...patch }));
  return { viewId, config, applyView, update };
}

export function toSavedConfig(config: ViewConfig): SavedView["config"] {
  return {
    columns: config.columns,
    ...(config.sort ? { sort: config.sort } : {}),
    ...(Object.keys(config.filter).length ? { filter: config.filter } : {}),
    ...(config.q.trim() ? { q: config.q.trim() } : {}),
  };
}

/** Sets or clears one `filter[field][op]` entry. */
export function withFilter(filter: ViewConfig["filter"], field: string, operator: string, value: string): ViewConfig["filter"] {
  const next = { ...filter };
  if (value) next[field] = { [operator]: value };
  else delete next[field];
  return next;
}
