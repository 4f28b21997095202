import type { CsvRecord } from "./imports.csv.js";
import { readText } from "./imports.csv.js";

/**
 * vCard 3.0 / 4.0 (RFC 2426, RFC 6350) read as contact rows: each card becomes one record under
 * fixed headers that the automatic mapping recognises, so the rest of the import (mapping,
 * preview, checks, duplicates, undo) treats a .vcf like a CSV. One e-mail and one phone per
 * card (the preferred one, else the first), as a CSV row has; ORG names the company.
 */
export const vCardHeaders = ["Full name", "First name", "Last name", "Email", "Phone", "Company", "Job title", "Street", "City", "Region", "Postal code", "Country", "Birthday", "Notes"];

const column = Object.fromEntries(vCardHeaders.map((header, index) => [header, index])) as Record<string, number>;

interface Property {
  name: string;
  params: Map<string, string>;
  value: string;
}

/** Splits on an unescaped separator, then undoes the escapes (`\n`, `\,`, `\;`, `\\`). */
function splitValue(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let index = 0; index < value.length; index += 1) {
    const character = value[index];
    if (character === "\\" && index + 1 < value.length) {
      const next = value[index + 1];
      current += next === "n" || next === "N" ? "\n" : next;
      index += 1;
    } else if (character === separator) {
      parts.push(current);
      current = "";
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim());
}

const unescape = (value: string) => splitValue(value, "\u0000")[0];

/** `item1.TEL;TYPE=work,pref:+44…` → name TEL, params, value. A colon inside a quoted parameter is not the separator. */
function parseLine(line: string): Property | undefined {
  let isQuoted = false;
  let colon = -1;
  for (let index = 0; index < line.length; index += 1) {
    if (line[index] === '"') isQuoted = !isQuoted;
    else if (line[index] === ":" && !isQuoted) {
      colon = index;
      break;
    }
  }
  if (colon <= 0) return undefined;
  const [rawName, ...rawParams] = line.slice(0, colon).split(";");
  const params = new Map<string, string>();
  for (const param of rawParams) {
    const equals = param.indexOf("=");
    // vCard 2.1 / 3.0 allow a bare type ("TEL;WORK;PREF:…").
    if (equals === -1) params.set("TYPE", [params.get("TYPE"), param.toLowerCase()].filter(Boolean).join(","));
    else params.set(param.slice(0, equals).toUpperCase(), param.slice(equals + 1).replace(/"/g, "").toLowerCase());
  }
  return { name: rawName.slice(rawName.lastIndexOf(".") + 1).toUpperCase(), params, value: line.slice(colon + 1) };
}

const isPreferred = (property: Property) => (property.params.get("TYPE") ?? "").split(",").includes("pref") || property.params.has("PREF");

/** "19960415", "1996-04-15", "1996-04-15T12:00:00Z" → 1996-04-15; other forms (no year) are passed on to be refused by the birthday check. */
function birthday(value: string): string {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(value.trim());
  return match ? `${match[1]}-${match[2]}-${match[3]}` : value.trim();
}

/** One card's properties → the values under vCardHeaders. */
export function cardValues(properties: Property[]): string[] {
  const values = vCardHeaders.map(() => "");
  const set = (header: string, value: string | undefined) => {
    if (value && values[column[header]] === "") values[column[header]] = value;
  };
  const preferred = (name: string) => {
    const all = properties.filter((property) => property.name === name && property.value.trim() !== "");
    return all.find(isPreferred) ?? all[0];
  };
  for (const property of properties) {
    switch (property.name) {
      case "FN":
        set("Full name", unescape(property.value));
        break;
      case "N": {
        const [family, given] = splitValue(property.value, ";");
        set("Last name", family);
        set("First name", given);
        break;
      }
      case "ORG":
        set("Company", splitValue(property.value, ";")[0]);
        break;
      case "TITLE":
        set("Job title", unescape(property.value));
        break;
      case "NOTE":
        set("Notes", unescape(property.value));
        break;
      case "BDAY":
        set("Birthday", birthday(unescape(property.value)));
        break;
      case "ADR": {
        const [, extended, street, city, region, postalCode, country] = splitValue(property.value, ";");
        if (values[column.Street] || values[column.City]) break;
        set("Street", [street, extended].filter(Boolean).join(", "));
        set("City", city);
        set("Region", region);
        set("Postal code", postalCode);
        set("Country", country);
        break;
      }
    }
  }
  set("Email", preferred("EMAIL") && unescape(preferred("EMAIL")!.value).replace(/^mailto:/i, ""));
  set("Phone", preferred("TEL") && unescape(preferred("TEL")!.value).replace(/^tel:/i, ""));
  return values;
}

/**
 * A streaming vCard reader: text in pieces of any size, cards out in order. Folded lines (a line
 * break followed by a space or tab) are joined; lines outside BEGIN:VCARD … END:VCARD are ignored.
 */
export class VCardParser {
  private pending = "";
  private card: Property[] | undefined;

  push(text: string): string[][] {
    this.pending += text;
    // Lines are complete up to the last break followed by something other than a fold (a space or tab).
    let lastBreak = this.pending.lastIndexOf("\n");
    while (lastBreak !== -1 && (lastBreak + 1 >= this.pending.length || /[ \t]/.test(this.pending[lastBreak + 1]))) lastBreak = lastBreak === 0 ? -1 : this.pending.lastIndexOf("\n", lastBreak - 1);
    if (lastBreak === -1) return [];
    const complete = this.pending.slice(0, lastBreak);
    this.pending = this.pending.slice(lastBreak + 1);
    return this.lines(complete);
  }

  end(): string[][] {
    const cards = this.lines(this.pending);
    this.pending = "";
    if (this.card?.length) cards.push(cardValues(this.card));
    this.card = undefined;
    return cards;
  }

  private lines(text: string): string[][] {
    const cards: string[][] = [];
    for (const line of text.replace(/^\ufeff/, "").replace(/\r?\n[ \t]/g, "").split(/\r?\n|\r$/)) {
      if (line.trim() === "") continue;
      const property = parseLine(line);
      if (!property) continue;
      if (property.name === "BEGIN" && property.value.trim().toUpperCase() === "VCARD") this.card = [];
      else if (property.name === "END" && property.value.trim().toUpperCase() === "VCARD") {
        if (this.card) cards.push(cardValues(this.card));
        this.card = undefined;
      } else this.card?.push(property);
    }
    return cards;
  }
}

/** Every card of a .vcf file, preceded by the fixed header row, like readCsv's records. */
export async function* readVCards(file: string, encoding: string): AsyncGenerator<CsvRecord> {
  yield { values: vCardHeaders };
  const parser = new VCardParser();
  for await (const text of readText(file, encoding)) for (const values of parser.push(text)) yield { values };
  for (const values of parser.end()) yield { values };
}

/** The cards at the start of a file (its head), for the preview. */
export function vCardsIn(text: string, isWholeText: boolean): CsvRecord[] {
  const parser = new VCardParser();
  const cards = parser.push(text);
  if (isWholeText) cards.push(...parser.end());
  return cards.map((values) => ({ values }));
}
