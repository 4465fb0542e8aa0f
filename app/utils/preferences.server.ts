/**
 * Small per-browser preferences (which caseload columns are hidden), in a
 * cookie so the server renders the right table on the first paint.
 */
import { createCookie } from "react-router";
import { secureCookies } from "./env.server";

export const caseloadColumnsCookie = createCookie("rd_caseload_columns", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: secureCookies(),
  maxAge: 60 * 60 * 24 * 365,
});

export async function readHiddenColumns(request: Request): Promise<string | null> {
  const value = await caseloadColumnsCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}
