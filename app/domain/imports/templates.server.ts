import { stringify } from "csv-stringify/sync";
import { IMPORT_COLUMNS, type ImportKind } from "./schema";

/** A template with the header and one example row (server-only: the CSV library is a Node module). */
export function templateCsv(kind: ImportKind): string {
  const columns = IMPORT_COLUMNS[kind];
  return stringify([columns.map((c) => c.name), columns.map((c) => c.example)]);
}
