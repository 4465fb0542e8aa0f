import { requireCaseAccess } from "../../utils/auth.server";
import type { Route } from "./+types/plan-calendar";

export async function loader(args: Route.LoaderArgs) {
  await requireCaseAccess(args, args.params.caseId);
  return new Response("", { headers: { "Content-Type": "text/calendar; charset=utf-8" } });
}
