import { requireCaseAccess } from "../../../utils/auth.server";
import type { Route } from "./+types/escalations";

export async function loader(args: Route.LoaderArgs) {
  await requireCaseAccess(args, args.params.caseId);
  return null;
}

export default function Escalations() {
  return <h2>Escalations</h2>;
}
