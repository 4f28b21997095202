import { Box, Center, Loader, Text, UnstyledButton } from "@mantine/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { nextSort, primarySort } from "./data-grid.sort";
import type { GridColumn } from "./data-grid.types";
import classes from "./data-grid.module.css";

export interface DataGridProps<Row> {
  columns: GridColumn<Row>[];
  rows: Row[];
  getRowId: (row: Row) => string;
  onRowClick?: (row: Row) => void;
  sort?: string;
  onSortChange?: (sort: string) => void;
  hasNextPage?: boolean;
  isFetchingNextPage?: boolean;
  fetchNextPage?: () => void;
  isLoading?: boolean;
  empty?: ReactNode;
  /** CSS height of the scroll area. */
  height?: string;
  rowHeight?: number;
  label?: string;
}

const defaultWidth = 180;

/** A virtualised table: sticky header, sort by header click, infinite scroll through `fetchNextPage`. */
export function DataGrid<Row>(props: DataGridProps<Row>) {
  const { t } = useTranslation();
  const { columns, rows, hasNextPage, isFetchingNextPage, fetchNextPage, rowHeight = 44 } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - 1 && rows.length > 0) fetchNextPage?.();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const totalWidth = columns.reduce((sum, column) => sum + (column.width ?? defaultWidth), 0);
  const sorted = primarySort(props.sort);

  if (props.isLoading) {
    return (
      <Center h={200} data-testid="data-grid-loading">
        <Loader aria-label={t("common.loading")} />
      </Center>
    );
  }
  if (rows.length === 0 && props.empty) return <>{props.empty}</>;

  return (
    <Box ref={scrollRef} className={classes.scroll} style={{ height: props.height ?? "calc(100dvh - 260px)" }} role="grid" aria-label={props.label} aria-rowcount={rows.length} data-testid="data-grid">
      <div className={classes.header} role="row" style={{ minWidth: totalWidth }}>
        {columns.map((column) => {
          const direction = sorted && column.sortField !== undefined && sorted.field === column.sortField ? sorted.direction : null;
          const ariaSort = direction ? (direction === "asc" ? "ascending" : "descending") : "none";
          return (
            <div key={column.id} role="columnheader" aria-sort={column.sortField ? ariaSort : undefined} className={classes.headerCell} style={{ width: column.width ?? defaultWidth }}>
              {column.sortField && props.onSortChange ? (
                <UnstyledButton className={classes.sortButton} onClick={() => props.onSortChange?.(nextSort(props.sort, column.sortField!))}>
                  {column.header}
                  <span aria-hidden>{direction ? (direction === "asc" ? " ▲" : " ▼") : ""}</span>
                </UnstyledButton>
              ) : (
                column.header
              )}
            </div>
          );
        })}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), minWidth: totalWidth, position: "relative" }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) {
            return (
              <div key="loader" className={classes.loaderRow} style={{ transform: `translateY(${item.start}px)`, height: item.size }}>
                <Text size="sm" c="dimmed">{t("common.loadingMore")}</Text>
              </div>
            );
          }
          return (
            <div
              key={props.getRowId(row)}
              role="row"
              aria-rowindex={item.index + 1}
              tabIndex={props.onRowClick ? 0 : undefined}
              className={classes.row}
              data-clickable={props.onRowClick ? true : undefined}
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
              onClick={() => props.onRowClick?.(row)}
              onKeyDown={(event) => {
                if (event.key === "Enter") props.onRowClick?.(row);
              }}
            >
              {columns.map((column) => (
                <div key={column.id} role="gridcell" className={classes.cell} style={{ width: column.width ?? defaultWidth }}>
                  {column.render(row)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </Box>
  );
}
