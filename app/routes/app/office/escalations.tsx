import { requireOffice } from "../../../utils/auth.server";
import type { Route } from "./+types/escalations";

export function loader(args: Route.LoaderArgs) {
  requireOffice(args);
  return null;
}

export default function EscalationQueue() {
  return <h1>Escalations</h1>;
}
