import { requireCaseAccess } from "../../../utils/auth.server";
import type { Route } from "./+types/plan";

export async function loader(args: Route.LoaderArgs) {
  await requireCaseAccess(args, args.params.caseId);
  return null;
}

export default function Plan() {
  return <h2>Plan</h2>;
}
