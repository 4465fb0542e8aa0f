import { Link } from "react-router";

/** A short, calm summary of what changed since the person's last visit. */
export function SinceLastVisitPanel({ since }: { since: { lines: string[]; total: number; escalationQueue?: boolean } }) {
  return (
    <section aria-labelledby="since-heading" className="rounded-lg border border-sky-200 bg-sky-50 p-4">
      <h2 id="since-heading" className="text-base">
        Since your last visit
      </h2>
      <ul className="mt-1 list-disc pl-5 text-sm text-slate-800">
        {since.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {since.total > 0 ? (
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-2 text-sm">
          <Link to="/notifications">See the notifications</Link>
          {since.escalationQueue ? <Link to="/office/escalations">Open the escalation queue</Link> : null}
        </p>
      ) : null}
    </section>
  );
}
