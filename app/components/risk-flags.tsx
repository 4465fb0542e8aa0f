import { SOURCES } from "#app/domain/reference";
import type { RiskFlag } from "#app/domain/risk/engine";
import { RISK_CODE_LABELS, SEVERITY_LEVEL } from "#app/domain/risk/engine";
import type { RiskLevel } from "#app/domain/vocabulary";
import { RiskBadge } from "./badges";

/** The case's risk flags, each with its reason and the rule's source, most severe first. */
export function RiskFlags({ level, flags, summary }: { level: RiskLevel | null; flags: readonly RiskFlag[]; summary: string }) {
  return (
    <section aria-labelledby="risk-heading" className="card">
      <h2 id="risk-heading" className="flex items-center gap-2">
        Risk <RiskBadge level={level} />
      </h2>
      <p className="mt-1 text-sm text-slate-700">{summary}</p>
      {flags.length > 0 ? (
        <ul className="mt-3 space-y-3">
          {flags.map((flag) => {
            const source = flag.source === "school-policy" ? null : SOURCES[flag.source];
            return (
              <li key={`${flag.code}-${flag.origin ?? ""}`} className="text-sm">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  <RiskBadge level={SEVERITY_LEVEL[flag.severity]} />
                  <span>{RISK_CODE_LABELS[flag.code]}</span>
                </p>
                <p className="mt-0.5 text-slate-800">{flag.reason}</p>
                <p className="text-xs text-slate-600">
                  Source:{" "}
                  {flag.source === "school-policy" ? (
                    "this school's policy"
                  ) : source ? (
                    <a href={source.url}>{source.title}</a>
                  ) : (
                    flag.source
                  )}
                </p>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
