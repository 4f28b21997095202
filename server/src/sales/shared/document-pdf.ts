import type { PDFFont, PDFPage } from "pdf-lib";
import { formatMoney, type DocumentLine } from "../../../../contracts/index.js";

export interface PrintableDocument {
  /** "Quote Q-12 v2", "Invoice INV-7". */
  title: string;
  /** Label/value pairs under the title: date, valid until, due date, customer. */
  details: [string, string][];
  currency: string;
  lines: DocumentLine[];
  totals: { subtotal: number; discountTotal: number; taxTotal: number; total: number };
  /** Extra rows under the total (amount paid, amount due). */
  footer?: [string, number][];
  notes?: string | null;
}

const pageSize: [number, number] = [595.28, 841.89]; // A4 in points
const margin = 50;
const columns = [
  { label: "Description", x: margin, width: 215, align: "left" as const },
  { label: "Qty", x: 265, width: 45, align: "right" as const },
  { label: "Unit price", x: 310, width: 80, align: "right" as const },
  { label: "Disc. %", x: 390, width: 45, align: "right" as const },
  { label: "Tax %", x: 435, width: 40, align: "right" as const },
  { label: "Amount", x: 475, width: 70, align: "right" as const },
];

/**
 * The standard PDF fonts speak WinAnsi only; anything else (CJK names, ₹) prints as "?" rather
 * than failing the whole document.
 */
function printable(font: PDFFont, text: string): string {
  const characters = [...text.replace(/[\u00a0\u202f]/g, " ")];
  return characters
    .map((character) => {
      try {
        font.encodeText(character);
        return character;
      } catch {
        return "?";
      }
    })
    .join("");
}

function fit(font: PDFFont, text: string, size: number, width: number): string {
  let value = text;
  while (value.length > 1 && font.widthOfTextAtSize(value, size) > width) value = `${value.slice(0, -2)}…`;
  return value;
}

/** A quote or invoice as an A4 PDF: title, details, a table of lines, totals formatted in the currency. */
export async function renderDocumentPdf(document: PrintableDocument): Promise<Buffer> {
  // pdf-lib is loaded with the first document, not at start-up (~180 ms).
  const { PDFDocument, StandardFonts, rgb } = await import("pdf-lib");
  const pdf = await PDFDocument.create();
  pdf.setTitle(document.title);
  pdf.setProducer("Pillar CRM");
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = pdf.addPage(pageSize);
  let y = pageSize[1] - margin;
  const money = (amount: number) => formatMoney(amount, document.currency);

  const write = (text: string, x: number, size: number, font: PDFFont, options: { width?: number; align?: "left" | "right" } = {}) => {
    const safe = fit(font, printable(font, text), size, options.width ?? pageSize[0] - margin - x);
    const offset = options.align === "right" && options.width ? options.width - font.widthOfTextAtSize(safe, size) : 0;
    page.drawText(safe, { x: x + offset, y, size, font, color: rgb(0.1, 0.1, 0.1) });
  };
  const nextLine = (height: number) => {
    y -= height;
    if (y < margin + 40) {
      page = pdf.addPage(pageSize);
      y = pageSize[1] - margin;
    }
  };

  write(document.title, margin, 20, bold);
  nextLine(28);
  for (const [label, value] of document.details) {
    write(`${label}: ${value}`, margin, 10, regular);
    nextLine(14);
  }
  nextLine(10);
  for (const column of columns) write(column.label, column.x, 9, bold, { width: column.width, align: column.align });
  nextLine(6);
  page.drawLine({ start: { x: margin, y }, end: { x: pageSize[0] - margin, y }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
  nextLine(14);
  for (const line of document.lines) {
    const cells = [line.description, line.quantity, money(line.unitPrice), line.discountPercent, line.taxRate, money(line.net)];
    columns.forEach((column, index) => write(cells[index], column.x, 9, regular, { width: column.width, align: column.align }));
    nextLine(14);
  }
  nextLine(6);
  const totals: [string, string, PDFFont][] = [
    ["Subtotal", money(document.totals.subtotal), regular],
    ["Discount", money(-document.totals.discountTotal), regular],
    ["Tax", money(document.totals.taxTotal), regular],
    ["Total", money(document.totals.total), bold],
    ...(document.footer ?? []).map(([label, amount]): [string, string, PDFFont] => [label, money(amount), regular]),
  ];
  for (const [label, value, font] of totals) {
    write(label, 350, 10, font, { width: 100 });
    write(value, 450, 10, font, { width: 95, align: "right" });
    nextLine(15);
  }
  if (document.notes) {
    nextLine(10);
    for (const paragraph of document.notes.split("\n").slice(0, 40)) {
      write(paragraph, margin, 9, regular);
      nextLine(12);
    }
  }
  return Buffer.from(await pdf.save());
}
