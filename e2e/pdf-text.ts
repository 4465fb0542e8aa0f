/**
 * The text of each page of a PDF the browser printed (`page.pdf()`), enough
 * to check running headers and footers without a PDF library: Chromium writes
 * plain (not compressed-object) files whose page content streams are
 * Flate-compressed and draw text as hex glyph ids (`<0024…> Tj`), each font
 * carrying a ToUnicode map. The maps of all fonts are merged (the subsets of
 * one face share glyph ids); each BT…ET block becomes one line.
 */
import { inflateSync } from "node:zlib";

const OBJECT = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(OBJECT)) {
    const body = match[2];
    const streamAt = body.search(/stream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const start = (match.index ?? 0) + match[0].indexOf(body) + streamAt + (body.slice(streamAt).startsWith("stream\r\n") ? 8 : 7);
    const end = text.indexOf("endstream", start);
    const dict = body.slice(0, streamAt);
    let data = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(dict)) {
      try {
        data = inflateSync(data);
      } catch {
        data = Buffer.alloc(0);
      }
    }
    objects.set(Number(match[1]), { dict, stream: data });
  }
  return objects;
}

const hex = (h: string) => Number.parseInt(h, 16);
const refs = (value: string) => [...value.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

function unicodeMap(objects: Map<number, PdfObject>): Map<number, string> {
  const map = new Map<number, string>();
  for (const { stream } of objects.values()) {
    const cmap = stream?.toString("latin1") ?? "";
    if (!cmap.includes("begincmap")) continue;
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, from, to] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        if (!map.has(hex(from))) map.set(hex(from), String.fromCharCode(hex(to)));
      }
    }
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, lo, hi, to] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        for (let g = hex(lo); g <= hex(hi); g += 1) if (!map.has(g)) map.set(g, String.fromCharCode(hex(to) + g - hex(lo)));
      }
    }
  }
  return map;
}

/** The page objects in reading order, walking the page tree from the catalog's /Pages. */
function pageIds(objects: Map<number, PdfObject>): number[] {
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict));
  const root = Number(catalog?.dict.match(/\/Pages\s+(\d+) 0 R/)?.[1]);
  const walk = (id: number): number[] => {
    const dict = objects.get(id)?.dict ?? "";
    if (/\/Type\s*\/Pages/.test(dict)) return refs(dict.match(/\/Kids\s*\[([^\]]*)\]/)?.[1] ?? "").flatMap(walk);
    return /\/Type\s*\/Page\b/.test(dict) ? [id] : [];
  };
  return walk(root);
}

/** Each page's text, one line per text block. */
export function pdfPageTexts(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const glyphs = unicodeMap(objects);
  return pageIds(objects).map((id) => {
    const dict = objects.get(id)?.dict ?? "";
    const contents = dict.match(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/)?.[1] ?? "";
    const ops = refs(contents)
      .map((ref) => objects.get(ref)?.stream?.toString("latin1") ?? "")
      .join("\n");
    return [...ops.matchAll(/BT([\s\S]*?)ET/g)]
      .map((block) =>
        [...block[1].matchAll(/<([0-9A-Fa-f]+)>/g)]
          .map(([, run]) => (run.match(/.{4}/g) ?? []).map((g) => glyphs.get(hex(g)) ?? "").join(""))
          .join(""),
      )
      .join("\n");
  });
}
