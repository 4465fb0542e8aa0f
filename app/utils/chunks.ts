/**
 * SQLite caps the number of bound parameters in one statement, so long
 * `IN (…)` lists and large multi-row inserts are split into chunks.
 */
const SQL_CHUNK = 500;

export function chunk<T>(items: readonly T[], size = SQL_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs a query per chunk of `items` (in sequence) and concatenates the results. */
export async function inChunks<T, R>(items: readonly T[], run: (part: T[]) => Promise<R[]>, size = SQL_CHUNK): Promise<R[]> {
  const results: R[] = [];
  for (const part of chunk(items, size)) results.push(...(await run(part)));
  return results;
}
