/**
 * Saved caseload views (docs/decisions/0024): a name and the table's URL search
 * (filters, sort, page size, columns), per person. Pure and client-safe.
 */
import { z } from "zod";
import { caseloadSearch, parseCaseloadParams } from "./caseload";
import { SAVED_VIEW_NAME_MAX } from "./saved-view-constraints";

/** The most views one person keeps. */
export const SAVED_VIEWS_MAX = 20;

export const saveViewSchema = z.object({
  intent: z.literal("save-view"),
  name: z
    .string({ error: "Name the view" })
    .trim()
    .min(1, "Name the view")
    .max(SAVED_VIEW_NAME_MAX, `At most ${SAVED_VIEW_NAME_MAX} characters`),
  search: z.string().max(2000).default(""),
});

export const deleteViewSchema = z.object({ intent: z.literal("delete-view"), viewId: z.string().min(1) });

/** The search a view stores: the table state parsed and written back (allow-listed), always from the first page. */
export function normalizeViewSearch(search: string): string {
  const params = parseCaseloadParams(new URLSearchParams(search.startsWith("?") ? search.slice(1) : search));
  return caseloadSearch({ ...params, page: 1 });
}
