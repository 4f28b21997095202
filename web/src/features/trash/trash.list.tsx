import { Button, Group } from "@mantine/core";
import type { InfiniteData, UseInfiniteQueryResult, UseMutationResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { ListParams, Page } from "../../api";
import { formatDateTime } from "../../i18n";
import { ConfirmButton, DataGrid, EmptyState, notifyProblem, notifySuccess, ProblemAlert, type GridColumn } from "../../ui";
import { useCan } from "../auth";

export interface TrashListProps<Row extends { id: string; deletedAt: string | null }> {
  label: string;
  useList: (params: ListParams) => UseInfiniteQueryResult<InfiniteData<Page<Row>>>;
  restore: UseMutationResult<Row, Error, string>;
  purge: UseMutationResult<void, Error, string>;
  name: (row: Row) => string;
  emptyTitle: string;
}

/** Soft-deleted records of one kind, with Restore and (for admins) Delete forever. */
export function TrashList<Row extends { id: string; deletedAt: string | null }>(props: TrashListProps<Row>) {
  const { t } = useTranslation();
  const can = useCan();
  const list = props.useList({ isTrash: true, sort: "-updatedAt" });
  const rows = list.data?.pages.flatMap((page) => page.data) ?? [];
  const canRestore = can("records:delete");
  const canPurge = can("records:hard_delete");

  const columns: GridColumn<Row>[] = [
    { id: "name", header: t("trash.name"), width: 240, render: props.name },
    { id: "deletedAt", header: t("trash.deletedAt"), width: 190, render: (row) => formatDateTime(row.deletedAt) },
    {
      id: "actions",
      header: "",
      width: 280,
      render: (row) => (
        <Group gap="xs" wrap="nowrap">
          {canRestore ? (
            <Button size="compact-sm" variant="light" onClick={() => props.restore.mutate(row.id, { onSuccess: () => notifySuccess(t("trash.restored")), onError: (error) => notifyProblem(error) })} aria-label={`${t("trash.restore")} ${props.name(row)}`}>
              {t("trash.restore")}
            </Button>
          ) : null}
          {canPurge ? (
            <ConfirmButton
              size="compact-sm"
              color="red"
              variant="subtle"
              label={t("trash.purge")}
              aria-label={`${t("trash.purge")} ${props.name(row)}`}
              title={t("trash.purgeTitle")}
              message={t("trash.purgeMessage", { name: props.name(row) })}
              confirmLabel={t("trash.purge")}
              onConfirm={() => props.purge.mutateAsync(row.id).then(() => notifySuccess(t("trash.purged")), (error: unknown) => notifyProblem(error))}
            />
          ) : null}
        </Group>
      ),
    },
  ];

  if (list.isError) return <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <DataGrid
      label={props.label}
      columns={columns}
      rows={rows}
      getRowId={(row) => row.id}
      hasNextPage={list.hasNextPage}
      isFetchingNextPage={list.isFetchingNextPage}
      fetchNextPage={() => void list.fetchNextPage()}
      isLoading={list.isLoading}
      empty={<EmptyState title={props.emptyTitle} description={t("trash.emptyDescription")} />}
      height="calc(100dvh - 220px)"
    />
  );
}
