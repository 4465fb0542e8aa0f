import { requireCaseAccess } from "../../../utils/auth.server";
import type { Route } from "./+types/notes";

export async function loader(args: Route.LoaderArgs) {
  await requireCaseAccess(args, args.params.caseId);
  return null;
}

export default function Notes() {
  return <h2>Notes</h2>;
}
