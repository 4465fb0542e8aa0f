/**
 * The exam dates side by side: the staff's table of the evidence with its
 * reasons, and the student's gentler cards.
 */
import { ScrollRegion } from "#app/components/scroll-region";
import { formatDate } from "#app/domain/dates";
import type { DateOption } from "#app/domain/decision/compare";
import { ordinal } from "#app/domain/text";

export type ShownOption = DateOption & { studentWords: string[]; policy: DateOption["policy"] | null };

const POSITION_WORDS = { CLEARS: "clears", STRADDLES: "straddles", BELOW: "below" } as const;
const LEANING_WORDS = { SIT: "For sitting", POSTPONE: "For more time", NEUTRAL: "To weigh" } as const;

export function StaffComparison({ options }: { options: ShownOption[] }) {
  const row = (label: string, cell: (o: ShownOption) => React.ReactNode) => (
    <tr className="border-t border-slate-200 align-top">
      <th scope="row" className="py-2 pr-3 text-left font-medium">
        {label}
      </th>
      {options.map((o) => (
        <td key={o.date} className="py-2 pr-3">
          {cell(o)}
        </td>
      ))}
    </tr>
  );
  return (
    <section aria-labelledby="compare-heading" className="card">
      <h2 id="compare-heading">The dates side by side</h2>
      <ScrollRegion className="mt-2">
        <table className="w-full text-sm">
          <caption className="sr-only">The evidence for each exam date compared</caption>
          <thead>
            <tr>
              <td />
              {options.map((o) => (
                <th key={o.date} scope="col" className="py-2 pr-3 text-left">
                  {o.label}
                  <span className="block font-normal text-slate-600">in {o.daysAway} days</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {row("What the evidence says", (o) => (
              <div className="space-y-1">
                <p className="font-medium">{o.summary}</p>
                <ul className="list-disc pl-4">
                  {o.reasons.map((r) => (
                    <li key={r.text}>
                      <span className="font-medium">{LEANING_WORDS[r.leaning]}:</span> {r.text}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            {row("Passing standard", (o) =>
              o.standard.minScore === null
                ? "None published"
                : `${o.standard.minScore}${o.standard.passFailOnly ? " (reported pass/fail)" : ""}${o.standard.changedFromFirst ? " — changed" : ""}`,
            )}
            {row("Projection (interval)", (o) =>
              o.projections.length === 0 ? (
                "Not enough scores"
              ) : (
                <ul>
                  {o.projections.map((p) => (
                    <li key={p.instrument}>
                      {p.instrument} {p.projected} ({p.confidencePercent}%: {p.low}–{p.high}), {POSITION_WORDS[p.position]} the {p.line}
                    </li>
                  ))}
                </ul>
              ),
            )}
            {row("Readiness gate", (o) =>
              o.gate.applicable
                ? o.gate.met
                  ? o.gate.metOnlyByMargin
                    ? "Met, only by the margin"
                    : "Met"
                  : o.gate.howFar
                : "Not applicable",
            )}
            {row("Attempts", (o) =>
              o.attempts.allowed
                ? `${ordinal(o.attempts.attemptNumber)} attempt; ${o.attempts.attemptsLeftAfterFailure} left if it fails`
                : "Not allowed on this date",
            )}
            {row("If it fails, next allowed", (o) =>
              !o.attempts.allowed
                ? "—"
                : o.attempts.nextAllowedAfterFailure
                  ? formatDate(o.attempts.nextAllowedAfterFailure)
                  : "No further attempt",
            )}
            {row("School policy, next failure", (o) =>
              o.policy?.consequence ? `${o.policy.consequence} (failure ${o.policy.failureNumber})` : "No rung set",
            )}
            {row("Milestones not done", (o) =>
              o.milestonesOpen.length === 0 ? "None" : o.milestonesOpen.map((m) => `${m.label} (${formatDate(m.dueOn)})`).join("; "),
            )}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

export function StudentComparison({ options }: { options: ShownOption[] }) {
  return (
    <section aria-labelledby="compare-heading" className="card">
      <h2 id="compare-heading">How each date looks</h2>
      <div className="mt-2 grid gap-4 md:grid-cols-3">
        {options.map((o) => (
          <div key={o.date} className="rounded-md border border-slate-200 p-3">
            <h3 className="text-base font-semibold">{o.label}</h3>
            <ul className="mt-1 list-disc pl-4 text-sm">
              {o.studentWords.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
