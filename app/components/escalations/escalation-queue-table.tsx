import { Link } from "react-router";
import { ScrollRegion } from "#app/components/scroll-region";
import { TableHead } from "#app/components/table-head";
import { formatDate, formatDay } from "#app/domain/dates";
import { type QueueParams, queueSearch } from "#app/domain/escalations/queue-params";
import { type EscalationQueueRow, severityLabel } from "#app/domain/escalations/view";
import { type ExamId, examLabel } from "#app/domain/reference";
import { EscalationStatusBadge, OverdueBadge } from "./badges";

/** The deadline that applies now, in words. */
function dueText(row: EscalationQueueRow): string {
  if (row.status === "RESOLVED") return row.resolvedAt ? `Resolved ${formatDay(row.resolvedAt)}` : "Resolved";
  return row.status === "OPEN" ? `Acknowledge by ${formatDate(row.acknowledgeBy)}` : `Resolve by ${formatDate(row.resolveBy)}`;
}

/**
 * The office's escalation queue: overdue rows first (in the default order),
 * highlighted and labelled in words; each row opens its detail panel.
 */
export function EscalationQueueTable({ rows, params }: { rows: EscalationQueueRow[]; params: QueueParams }) {
  return (
    <ScrollRegion>
      <table className="data-table">
        <caption className="sr-only">Escalations, {params.sort === "newest" ? "newest first" : "most urgent first"}</caption>
        <TableHead columns={["Student", "Exam", "Trigger", "Severity", "Status", "Owner", "Due", "Opened"]} />
        <tbody>
          {rows.map((row) => {
            const overdue = row.overdue.state !== "NONE";
            const current = params.open === row.id;
            return (
              <tr
                key={row.id}
                data-overdue={overdue ? "true" : undefined}
                className={overdue ? "bg-red-50" : current ? "bg-brand-50" : undefined}
              >
                <td className="font-medium">
                  <Link to={`${queueSearch(params, { open: row.id })}#escalation-detail`} aria-current={current ? "true" : undefined}>
                    {row.studentName}
                  </Link>
                </td>
                <td>{examLabel(row.exam as ExamId)}</td>
                <td>{row.title}</td>
                <td>{severityLabel(row.severity)}</td>
                <td>
                  <EscalationStatusBadge status={row.status} />
                </td>
                <td>{row.ownerName ?? <span className="text-slate-600">Nobody yet</span>}</td>
                <td>
                  <span className="block">{dueText(row)}</span>
                  {overdue && row.overdueLabel ? <OverdueBadge label={row.overdueLabel} /> : null}
                </td>
                <td>{formatDay(row.createdAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
