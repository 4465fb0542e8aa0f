import { ScrollRegion } from "#app/components/scroll-region";
import { TableHead } from "#app/components/table-head";
import { formatDate } from "#app/domain/dates";
import { type AreaChange, CHARACTER_LABELS, type DiagnosisAnalysis } from "#app/domain/diagnostics/analysis";
import { DIMENSION_LABELS } from "#app/domain/reference";
import { BAND_LABELS, type Band, REFERENCE_GROUP_LABELS } from "#app/domain/vocabulary";

const bandTone: Record<Band, string> = {
  LOWER: "bg-red-100 text-red-900",
  BORDERLINE: "bg-amber-100 text-amber-900",
  SAME: "bg-slate-100 text-slate-800",
  HIGHER: "bg-emerald-100 text-emerald-900",
};

export function BandBadge({ band }: { band: Band | null }) {
  if (!band) return <span className="text-slate-600">Not reported</span>;
  return <span className={`badge ${bandTone[band]}`}>{BAND_LABELS[band]}</span>;
}

const CHANGE_LABELS: Record<AreaChange, string> = {
  PERSISTED: "Still Lower",
  NEW_WEAK: "Newly Lower",
  WORSENED: "Worsened",
  IMPROVED: "Improved",
  UNCHANGED: "Unchanged",
  NOT_COMPARABLE: "Not on both reports",
};

const characterTone: Record<string, string> = {
  CONTENT: "border-sky-300 bg-sky-50",
  STRATEGY: "border-violet-300 bg-violet-50",
  METHOD: "border-amber-300 bg-amber-50",
  MIXED: "border-indigo-300 bg-indigo-50",
  UNCLEAR: "border-slate-300 bg-slate-50",
};

/**
 * The analysis of the selected report and the findings the viewer reads in
 * full: the failure's character and why, magnitude, weakest areas, clusters
 * and the change since the previous report. Tables, not charts, so it reads
 * the same with a screen reader.
 */
export function AnalysisPanel({
  analysis,
  hasReport,
  previousTakenOn,
}: {
  analysis: DiagnosisAnalysis;
  hasReport: boolean;
  previousTakenOn: string | null;
}) {
  const { character, magnitude, weakestAreas, clusters, comparison } = analysis;
  const lead = weakestAreas.filter((a) => a.band === "LOWER" || a.band === "BORDERLINE");
  const rest = weakestAreas.filter((a) => a.band !== "LOWER" && a.band !== "BORDERLINE");
  return (
    <div className="space-y-5">
      <section aria-labelledby="character-heading" className={`rounded-md border p-3 ${characterTone[character.character]}`}>
        <h3 id="character-heading">The failure's character: {CHARACTER_LABELS[character.character]}</h3>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {character.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="magnitude-heading">
        <h3 id="magnitude-heading">Magnitude</h3>
        <p className="mt-1 text-sm">{magnitude.summary}</p>
        {hasReport && magnitude.reported > 0 ? (
          <ScrollRegion className="mt-2">
            <table className="data-table">
              <TableHead columns={["Dimension", "Reported", "Lower", "Share of outline weight Lower"]} />
              <tbody>
                {magnitude.byDimension.map((d) => (
                  <tr key={d.dimension}>
                    <th scope="row" className="bg-transparent font-normal">
                      {d.label}
                    </th>
                    <td>{d.reported}</td>
                    <td>{d.lower}</td>
                    <td>
                      {d.weightEstimated ? "about " : ""}
                      {d.lowerWeightPercent}%
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ) : null}
      </section>

      <section aria-labelledby="weakest-heading">
        <h3 id="weakest-heading">Weakest areas, ranked</h3>
        {weakestAreas.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">
            {hasReport ? "No area is below Higher: nothing to rank." : "Enter the score report to rank the areas."}
          </p>
        ) : (
          <>
            <p className="hint">Lower before Borderline and Same; heavier outline weight first within a band.</p>
            <RankedTable areas={lead} caption="Areas below the comparison group, or in the borderline region" />
            {rest.length > 0 ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium">
                  {lead.length > 0 ? `The other ${rest.length} ranked areas (Same)` : `All ${rest.length} ranked areas (Same)`}
                </summary>
                <RankedTable areas={rest} caption="Areas at the level of the comparison group" />
              </details>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="clusters-heading">
        <h3 id="clusters-heading">Clusters</h3>
        {clusters.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">No cluster: the Lower areas do not share a discipline or a physician task.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {clusters.map((c) => (
              <li key={`${c.kind}-${c.title}`} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="font-semibold">{c.title}</p>
                <p className="mt-1">{c.explanation}</p>
                <p className="mt-1 text-slate-700">
                  Points to {c.pointsTo === "CONTENT" ? "content" : "strategy"} · {c.areas.map((a) => a.name).join(", ")}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="comparison-heading">
        <h3 id="comparison-heading">Since the previous report</h3>
        {comparison && previousTakenOn ? (
          <>
            <p className={`mt-1 text-sm ${comparison.persistingWeakAreas.length ? "font-medium text-red-900" : ""}`}>
              Compared with the report of {formatDate(previousTakenOn)}: {comparison.summary}
            </p>
            <ScrollRegion className="mt-2">
              <table className="data-table">
                <TableHead columns={["Area", "Before", "Now", "Change"]} />
                <tbody>
                  {comparison.areas
                    .filter((a) => a.change !== "UNCHANGED" && a.change !== "NOT_COMPARABLE")
                    .map((a) => (
                      <tr key={a.area.id}>
                        <th scope="row" className="bg-transparent font-normal">
                          {a.area.name}
                        </th>
                        <td>
                          <BandBadge band={a.before} />
                        </td>
                        <td>
                          <BandBadge band={a.after} />
                        </td>
                        <td>
                          {CHANGE_LABELS[a.change]}
                          {a.referenceChanged ? " (different reference group)" : ""}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </ScrollRegion>
          </>
        ) : (
          <p className="mt-1 text-sm text-slate-700">No earlier report on this case to compare with.</p>
        )}
      </section>
    </div>
  );
}

function RankedTable({ areas, caption }: { areas: DiagnosisAnalysis["weakestAreas"]; caption: string }) {
  if (areas.length === 0) return null;
  return (
    <ScrollRegion className="mt-2">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <TableHead columns={["Rank", "Area", "Dimension", "Band", "Weight", "Content-gap finding"]} />
        <tbody>
          {areas.map((a) => (
            <tr key={a.id}>
              <td>{a.rank}</td>
              <th scope="row" className="bg-transparent font-normal">
                {a.name}
              </th>
              <td>{DIMENSION_LABELS[a.dimension]}</td>
              <td>
                <BandBadge band={a.band} />
                <span className="sr-only"> compared with {REFERENCE_GROUP_LABELS[a.referenceGroup].toLowerCase()}</span>
              </td>
              <td>
                {a.weightEstimated ? "about " : ""}
                {Math.round(a.weight)}%
              </td>
              <td>{a.hasContentGapFinding ? "Yes" : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
