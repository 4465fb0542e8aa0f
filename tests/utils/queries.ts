import { expect } from "vitest";
import { onQuery } from "#app/utils/db.server";

/** Counts the SQL statements `run` issues. */
export async function countQueries(run: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const stop = onQuery(() => {
    count += 1;
  });
  try {
    await run();
  } finally {
    stop();
  }
  return count;
}

/**
 * Counts the SQL statements of one loader or action call, which must answer
 * `status`: otherwise two refusals could count alike and the comparison would
 * mean nothing.
 */
export async function countCall(run: () => Promise<{ status: number }>, status = 200): Promise<number> {
  let answered: number | undefined;
  const count = await countQueries(async () => {
    answered = (await run()).status;
  });
  expect(answered).toBe(status);
  return count;
}
