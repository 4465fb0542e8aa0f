/**
 * /queue/:caseId — a read-only preview of a case before taking it on. Staff who
 * may take the case (a tutor of its school while it waits) or already see it
 * (the office, its tutor) may open it; the read is logged like any case read.
 */

import { forbidden, notFound, requireUser } from "#app/auth/guards.server";
import { QueuePreviewCard } from "#app/components/queue/queue-preview";
import { actorOf, canTakeCase, caseRelation } from "#app/domain/access/policy";
import { loadQueuePreview } from "#app/domain/cases/queue.server";
import { today } from "#app/domain/dates";
import { noteRecordsRead } from "#app/utils/access-log.server";
import type { Route } from "./+types/preview";

export async function loader(args: Route.LoaderArgs) {
  const user = requireUser(args);
  const preview = await loadQueuePreview(args.params.caseId, today());
  if (!preview) notFound("We could not find that case.");
  const actor = actorOf(user);
  const facts = { schoolId: preview.schoolId, tutorId: preview.tutorId, studentUserId: preview.studentUserId, status: preview.status };
  const relation = caseRelation(actor, facts);
  const canTake = canTakeCase(actor, preview.schoolId) && preview.tutorId === null && preview.open;
  if (relation === "STUDENT" || (!relation && !canTake)) forbidden("This case is not yours to open.");
  noteRecordsRead(args.context, [{ caseId: preview.id, schoolId: preview.schoolId, studentId: preview.studentId }], "Intake queue preview");
  const { studentUserId: _studentUserId, ...shown } = preview;
  return { preview: shown, canTake };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `Preview: ${loaderData.preview.studentName} · Retake Desk` : "Preview · Retake Desk" }];
}

export default function QueuePreviewPage({ loaderData }: Route.ComponentProps) {
  return <QueuePreviewCard preview={loaderData.preview} canTake={loaderData.canTake} />;
}
