import type { ReactNode } from "react";

export interface GridColumn<Row> {
  id: string;
  header: ReactNode;
  /** Pixel width; the grid scrolls sideways on narrow screens. */
  width?: number;
  /** The API sort key this column sorts by; absent when the column cannot be sorted. */
  sortField?: string;
  render: (row: Row) => ReactNode;
}
