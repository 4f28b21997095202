/** A calendar period in UTC: its first day and the first day after it (ISO dates). */
export interface Period {
  label: string;
  start: string;
  end: string;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** "2026" → the year, "2026-Q4" → Oct–Dec, "2026-11" → November; the contract has checked the format. */
export function parsePeriod(label: string): Period {
  const year = Number(label.slice(0, 4));
  const quarter = /^\d{4}-Q([1-4])$/.exec(label);
  const month = /^\d{4}-(\d{2})$/.exec(label);
  const [firstMonth, months] = quarter ? [(Number(quarter[1]) - 1) * 3, 3] : month ? [Number(month[1]) - 1, 1] : [0, 12];
  return { label, start: isoDay(new Date(Date.UTC(year, firstMonth, 1))), end: isoDay(new Date(Date.UTC(year, firstMonth + months, 1))) };
}

/** How much of the period has passed at `now`, from 0 (not begun) to 1 (over). */
export function elapsedFraction(period: Pick<Period, "start" | "end">, now: Date): number {
  const start = Date.parse(`${period.start}T00:00:00Z`);
  const end = Date.parse(`${period.end}T00:00:00Z`);
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
}
