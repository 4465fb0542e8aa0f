import { onQuery } from "../../app/utils/db.server";

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
