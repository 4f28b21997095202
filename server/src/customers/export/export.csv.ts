/**
 * CSV as RFC 4180 (quoted when needed, CRLF rows), with cells that a spreadsheet would run as a
 * formula neutralised: a leading = + - @ tab or CR gets a ' in front (OWASP "CSV injection").
 * Plain numbers and phone numbers such as +44 20 7946 0958 are left alone; they run nothing.
 */
const formulaStart = /^[=+\-@\t\r]/;
const harmlessNumber = /^[+-]?[\d\s().]+$/;

export function neutraliseFormula(value: string): string {
  return formulaStart.test(value) && !harmlessNumber.test(value) ? `'${value}` : value;
}

export function csvCell(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(values: string[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
