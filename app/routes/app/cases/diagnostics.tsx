import { requireCaseAccess } from "../../../utils/auth.server";
import type { Route } from "./+types/diagnostics";

export async function loader(args: Route.LoaderArgs) {
  await requireCaseAccess(args, args.params.caseId);
  return null;
}

export default function Diagnostics() {
  return <h2>Diagnostics</h2>;
}
