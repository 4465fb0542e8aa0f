/**
 * What an error page says: the root's own page, and the same words inside the
 * app's shell (the app layout) or under a case's header (the case layout), so
 * a refusal keeps the navigation around it.
 */
import { isRouteErrorResponse } from "react-router";

const TITLES: Record<number, string> = {
  400: "Request not understood",
  403: "Not allowed",
  404: "Page not found",
  413: "Too large",
  415: "Not a form",
  500: "Something went wrong",
};

function errorFacts(error: unknown): { status: number; title: string; message: string } {
  let status = 500;
  let message = "Something went wrong on our side. The error has been logged; please try again.";
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const payload = error.data as { message?: string } | string | undefined;
    const given = typeof payload === "string" ? payload : payload?.message;
    if (status === 403) message = given ?? "You do not have access to this page.";
    else if (status === 404) message = given ?? "We could not find that page.";
    else if (given) message = given;
  }
  return { status, title: TITLES[status] ?? "Error", message };
}

/** The error's status, title and message, and the way home. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { status, title, message } = errorFacts(error);
  return (
    <>
      <title>{`${title} · Retake Desk`}</title>
      <p className="text-sm font-semibold text-brand-700">Error {status}</p>
      <h1 className="mt-2">{title}</h1>
      <p className="mt-3 text-slate-700">{message}</p>
      <p className="mt-6">
        <a href="/" className="btn-primary">
          Go to your home page
        </a>
      </p>
    </>
  );
}
