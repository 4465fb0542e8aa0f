/**
 * A plan's versions (number, who, when, why) and a comparison of any two, in
 * words grouped by section. The comparison is a GET form, so it works without
 * JavaScript and a comparison can be linked to.
 */
import { Form } from "react-router";
import { ScrollRegion } from "#app/components/scroll-region";
import { TableHead } from "#app/components/table-head";
import { formatDay } from "#app/domain/dates";
import type { ChangeSection } from "#app/domain/plans/diff";
import { plural } from "#app/domain/text";

export interface VersionListItem {
  number: number;
  createdBy: string | null;
  createdAt: Date | string;
  reason: string | null;
  promptedBy: string | null;
}

export interface VersionComparison {
  from: number;
  to: number;
  count: number;
  groups: Array<{ section: ChangeSection; label: string; texts: string[] }>;
}

/** What changed, section by section, each section's changes as a list. */
export function ChangeGroupList({ groups, headingLevel = "h3" }: { groups: VersionComparison["groups"]; headingLevel?: "h3" | "h4" }) {
  const H = headingLevel;
  return (
    <div className="space-y-3">
      {groups.map((g) => (
        <div key={g.section}>
          <H className="text-sm font-semibold">{g.label}</H>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {g.texts.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

export function ChangeGroups({ comparison, headingLevel = "h3" }: { comparison: VersionComparison; headingLevel?: "h3" | "h4" }) {
  if (comparison.count === 0) return <p className="text-sm text-slate-700">The two versions are the same.</p>;
  return <ChangeGroupList groups={comparison.groups} headingLevel={headingLevel} />;
}

export function PlanVersions({
  versions,
  currentVersion,
  comparison,
}: {
  versions: VersionListItem[];
  currentVersion: number;
  comparison: VersionComparison | null;
}) {
  const newestFirst = [...versions].sort((a, b) => b.number - a.number);
  const options = newestFirst.map((v) => ({ value: String(v.number), label: `Version ${v.number}` }));
  return (
    <section aria-labelledby="versions-heading" className="card">
      <h2 id="versions-heading">Versions</h2>
      <p className="hint">A change never edits a version: it saves the next one, with who, when and why.</p>
      <ScrollRegion className="mt-3">
        <table className="data-table">
          <TableHead columns={["Version", "Saved by", "On", "Why"]} />
          <tbody>
            {newestFirst.map((v) => (
              <tr key={v.number}>
                <td className="whitespace-nowrap">
                  {v.number}
                  {v.number === currentVersion ? <span className="badge ml-2 bg-emerald-100 text-emerald-900">In force</span> : null}
                </td>
                <td>{v.createdBy ?? "—"}</td>
                <td className="whitespace-nowrap">{formatDay(v.createdAt)}</td>
                <td>
                  {v.reason ?? (v.number === 1 ? "First version, built from the diagnosis" : "—")}
                  {v.promptedBy ? <span className="block text-xs text-slate-600">Prompted by {v.promptedBy}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      {versions.length > 1 ? (
        <div className="mt-4 border-t border-slate-200 pt-3">
          <h3 id="compare-heading">Compare versions</h3>
          <Form method="get" className="mt-2 flex flex-wrap items-end gap-2" aria-labelledby="compare-heading" preventScrollReset>
            <VersionSelect name="from" label="From" shown={comparison?.from} fallback={currentVersion - 1} options={options} />
            <VersionSelect name="to" label="To" shown={comparison?.to} fallback={currentVersion} options={options} />
            <button type="submit" className="btn-secondary">
              Compare
            </button>
          </Form>
          {comparison ? (
            <div className="mt-3" role="status">
              <p className="mb-2 text-sm font-medium">
                From version {comparison.from} to version {comparison.to}:{" "}
                {comparison.count === 0 ? "no changes" : plural(comparison.count, "change")}
              </p>
              <ChangeGroups comparison={comparison} headingLevel="h4" />
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** One end of the comparison; a new comparison resets it to the version compared. */
function VersionSelect({
  name,
  label,
  shown,
  fallback,
  options,
}: {
  name: "from" | "to";
  label: string;
  /** The version the comparison shown starts (from) or ends (to) at. */
  shown: number | undefined;
  fallback: number;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <div>
      <label htmlFor={`compare-${name}`} className="label">
        {label}
      </label>
      <select key={`${name}-${shown}`} id={`compare-${name}`} name={name} className="input" defaultValue={String(shown ?? fallback)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
