import { Box, Button, Group, Stack, Title } from "@mantine/core";
import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { ListParams, Page } from "../../api";
import { ColumnChooser, DataGrid, EmptyState, FilterBar, ProblemAlert, type FilterFieldOption, type GridColumn } from "../../ui";
import type { ViewObject } from "./api/views.queries";
import { useListState, type ViewConfig } from "./use-list-state";
import { ViewPicker } from "./view.picker";

export type ListColumn<Row> = GridColumn<Row> & { label: string };

export interface RecordListPageProps<Row extends { id: string }> {
  object: ViewObject;
  title: string;
  columns: ListColumn<Row>[];
  defaults: ViewConfig;
  useList: (params: ListParams) => UseInfiniteQueryResult<InfiniteData<Page<Row>>>;
  filterFields: FilterFieldOption[];
  quickFields: string[];
  renderQuickFilters: (config: ViewConfig, update: (patch: Partial<ViewConfig>) => void) => ReactNode;
  createLabel: string;
  canCreate: boolean;
  renderCreate: (props: { isOpen: boolean; onClose: () => void }) => ReactNode;
  emptyTitle: string;
  emptyDescription: string;
  rowPath: (row: Row) => string;
  /** More buttons beside "New …" that act on the current view (e.g. Export). */
  renderActions?: (config: ViewConfig) => ReactNode;
}

/** A list page: saved view, filters, column chooser, virtualised grid and "New …" button. */
export function RecordListPage<Row extends { id: string }>(props: RecordListPageProps<Row>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = useListState(props.defaults);
  const [isCreateOpen, setCreateOpen] = useState(false);
  const { config, update } = state;
  const list = props.useList({ sort: config.sort, q: config.q, filter: config.filter });
  const rows = list.data?.pages.flatMap((page) => page.data) ?? [];
  const visibleColumns = config.columns.map((id) => props.columns.find((column) => column.id === id)).filter((column): column is ListColumn<Row> => Boolean(column));
  const isFiltered = Boolean(config.q.trim()) || Object.keys(config.filter).length > 0;

  const createButton = props.canCreate ? <Button onClick={() => setCreateOpen(true)}>{props.createLabel}</Button> : null;

  return (
    <>
      <Stack gap="sm" aria-hidden={isCreateOpen || undefined}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2}>{props.title}</Title>
          <Group gap="xs" wrap="wrap">
            <ViewPicker object={props.object} viewId={state.viewId} config={config} onSelect={state.applyView} />
            <ColumnChooser columns={props.columns.map((column) => ({ id: column.id, label: column.label }))} visible={config.columns} onChange={(columns) => update({ columns })} />
            {props.renderActions?.(config)}
            {createButton}
          </Group>
        </Group>
        <FilterBar q={config.q} onQChange={(q) => update({ q })} filter={config.filter} onFilterChange={(filter) => update({ filter })} fields={props.filterFields} quickFields={props.quickFields}>
          {props.renderQuickFilters(config, update)}
        </FilterBar>
        <Box>
          {list.isError ? (
            <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
          ) : (
            <DataGrid
              label={props.title}
              columns={visibleColumns}
              rows={rows}
              getRowId={(row) => row.id}
              onRowClick={(row) => navigate(props.rowPath(row))}
              sort={config.sort}
              onSortChange={(sort) => update({ sort })}
              hasNextPage={list.hasNextPage}
              isFetchingNextPage={list.isFetchingNextPage}
              fetchNextPage={() => void list.fetchNextPage()}
              isLoading={list.isLoading}
              empty={
                isFiltered ? (
                  <EmptyState title={t("lists.noMatches")} description={t("lists.noMatchesHint")} />
                ) : (
                  <EmptyState title={props.emptyTitle} description={props.emptyDescription} />
                )
              }
            />
          )}
        </Box>
      </Stack>
      {props.renderCreate({ isOpen: isCreateOpen, onClose: () => setCreateOpen(false) })}
    </>
  );
}
