import { requireCaseAccess } from "../../../utils/auth.server";
import type { Route } from "./+types/progress";

export async function loader(args: Route.LoaderArgs) {
  await requireCaseAccess(args, args.params.caseId);
  return null;
}

export default function Progress() {
  return <h2>Progress</h2>;
}
