import { data } from "react-router";
import { refusalPage } from "#app/actions/reply";
import { refuse } from "#app/domain/result";

const NOT_FOUND = "We could not find that page.";

export function loader() {
  throw data({ message: NOT_FOUND }, { status: 404 });
}

/** A form sent to an address no page answers. */
export function action() {
  refusalPage(refuse("NOT_FOUND", NOT_FOUND));
}

export default function NotFound() {
  return null;
}
