/**
 * The access log's filters, read from the URL (the page and its CSV export
 * share them): the staff member, the student, a date range. Each bad or
 * missing value takes its default, so a forged parameter never reaches a query.
 */
import { z } from "zod";
import { addDays, type IsoDate, isIsoDate } from "#app/domain/dates";

export const ACCESS_LOG_PAGE_SIZE = 50;
/** The export's ceiling: a year of a busy school's reads fits; narrow the dates beyond it. */
export const ACCESS_LOG_EXPORT_MAX = 50_000;

const text = z.string().trim().max(100).catch("");
const day = z
  .string()
  .trim()
  .refine((v) => v === "" || isIsoDate(v))
  .catch("");

export const accessLogFilterSchema = z.object({
  /** Name or email of the staff member who read. */
  person: text.default(""),
  /** Name or email of the student whose record was read. */
  student: text.default(""),
  /** First and last day (UTC), inclusive; empty for open-ended. */
  from: day.default(""),
  to: day.default(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type AccessLogFilter = z.output<typeof accessLogFilterSchema>;

export function parseAccessLogFilter(search: URLSearchParams): AccessLogFilter {
  const value = (name: string) => search.get(name) ?? undefined;
  return accessLogFilterSchema.parse({
    person: value("person") ?? value("q"),
    student: value("student"),
    from: value("from"),
    to: value("to"),
    page: value("page"),
  });
}

/** The filter as a query string (without the page), for links and the export. */
export function accessLogSearch(filter: AccessLogFilter, page = 1): string {
  const search = new URLSearchParams();
  for (const key of ["person", "student", "from", "to"] as const) if (filter[key]) search.set(key, filter[key]);
  if (page > 1) search.set("page", String(page));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The instants a date range covers: from the start of `from` to the end of `to` (UTC). */
export function accessLogRange(filter: Pick<AccessLogFilter, "from" | "to">): { gte?: Date; lt?: Date } {
  return {
    ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00.000Z`) } : {}),
    ...(filter.to ? { lt: new Date(`${addDays(filter.to as IsoDate, 1)}T00:00:00.000Z`) } : {}),
  };
}
