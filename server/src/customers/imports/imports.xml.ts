/**
 * A small streaming XML tokenizer, enough for the parts of an XLSX workbook: text is fed in
 * pieces of any size and start tags, end tags and text (entities decoded, CDATA as is) go to a
 * handler as they complete. Names and attribute names lose their namespace prefix (`x:row` is
 * `row`, `r:id` is `id`, `xml:space` is `space`), because writers choose prefixes freely.
 * Comments, processing instructions and a DOCTYPE are skipped; nothing is validated.
 */
export interface XmlHandler {
  open(name: string, attributes: Record<string, string>, isEmpty: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const entity = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const namedEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(entity, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (name) return namedEntities[name];
    const codePoint = hex ? parseInt(hex, 16) : Number(decimal);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);
const attribute = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const cdataStart = "<![CDATA[";

export class XmlTokenizer {
  private pending = "";

  constructor(
    private readonly handler: XmlHandler,
    /** Text that never closes its tag beyond this many characters is taken as a broken file. */
    private readonly maxPendingChars = 16 * 1024 * 1024,
  ) {}

  push(chunk: string): void {
    const text = this.pending.length ? this.pending + chunk : chunk;
    let position = 0;
    while (position < text.length) {
      const start = text.indexOf("<", position);
      if (start < 0) break;
      if (start > position) this.handler.text(decodeEntities(text.slice(position, start)));
      position = start;
      const end = this.markupEnd(text, start);
      if (end < 0) break;
      this.markup(text, start, end);
      position = end;
    }
    this.pending = text.slice(position);
    if (this.pending.length > this.maxPendingChars) throw new Error("the XML has a tag or text that never ends");
  }

  end(): void {
    if (this.pending.trim() !== "") throw new Error("the XML ends in the middle of a tag");
    this.pending = "";
  }

  /** Where the markup starting at `start` ends (just past its `>`), or -1 when it is not all here yet. */
  private markupEnd(text: string, start: number): number {
    if (text.startsWith("<!--", start)) return after(text.indexOf("-->", start + 4), 3);
    if (text.startsWith(cdataStart, start)) return after(text.indexOf("]]>", start + cdataStart.length), 3);
    if (text.startsWith("<?", start)) return after(text.indexOf("?>", start + 2), 2);
    // Too short yet to tell a CDATA section or comment from other `<!` markup.
    if (text[start + 1] === "!" && text.length - start < cdataStart.length && (cdataStart.startsWith(text.slice(start)) || "<!--".startsWith(text.slice(start)))) return -1;
    if (start + 1 >= text.length) return -1;
    // A `>` may stand inside a quoted attribute value.
    let quote = "";
    for (let position = start + 1; position < text.length; position++) {
      const character = text[position];
      if (quote) {
        if (character === quote) quote = "";
      } else if (character === '"' || character === "'") quote = character;
      else if (character === ">") return position + 1;
    }
    return -1;
  }

  private markup(text: string, start: number, end: number): void {
    const second = text[start + 1];
    if (second === "?") return;
    if (second === "!") {
      if (text.startsWith(cdataStart, start)) this.handler.text(text.slice(start + cdataStart.length, end - 3));
      return;
    }
    if (second === "/") {
      this.handler.close(localName(text.slice(start + 2, end - 1).trim()));
      return;
    }
    const isEmpty = text[end - 2] === "/";
    const body = text.slice(start + 1, isEmpty ? end - 2 : end - 1);
    const nameEnd = body.search(/[\s/]|$/);
    const attributes: Record<string, string> = {};
    for (const match of body.slice(nameEnd).matchAll(attribute)) attributes[localName(match[1])] = decodeEntities(match[2] ?? match[3]);
    this.handler.open(localName(body.slice(0, nameEnd)), attributes, isEmpty);
  }
}

const after = (index: number, length: number) => (index < 0 ? -1 : index + length);
