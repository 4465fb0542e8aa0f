/**
 * /cases/:caseId/packet — the committee packet for an escalated case, for the
 * office and the case's tutor, read at the office tier (never a private record, whoever
 * prints it: see app/domain/packet). It prints cleanly on A4 and Letter (the
 * page size is the printer's; margins fit both), with the student's name and
 * the page number in every page's margins, and "Save as PDF" in the browser's
 * print dialog makes the PDF. Giving it to anyone outside the school is
 * recorded in the student's disclosure log with the form below it.
 */

import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "react-router";
import { type ActionReply, notUnderstood, reply } from "#app/actions/reply";
import { requireCaseAccess } from "#app/auth/guards.server";
import { PacketDisclosureForm } from "#app/components/packet/disclosure-form";
import { PacketView } from "#app/components/packet/packet-view";
import { today } from "#app/domain/dates";
import { PACKET_RECORDS_DESCRIPTION, packetDisclosureSchema } from "#app/domain/packet/packet";
import { loadPacket, packetStudentKey } from "#app/domain/packet/queries.server";
import { logDisclosure } from "#app/domain/records/disclosures.server";
import { refuse } from "#app/domain/result";
import { redirectWithToast } from "#app/utils/toast.server";
import type { Route } from "./+types/packet";

/** The staff on the case read it (the tutor prepares for the committee too); only the office records a disclosure. */
const STAFF = ["OFFICE", "TUTOR"] as const;
const OFFICE_ONLY = ["OFFICE"] as const;

export async function loader(args: Route.LoaderArgs) {
  const access = await requireCaseAccess(args, args.params.caseId, STAFF);
  const packet = await loadPacket(access.caseRow.id, today());
  if (packet.escalations.length === 0) {
    throw data({ message: "A committee packet is for a case with an escalation; this case has none." }, { status: 404 });
  }
  return { packet, canDisclose: access.relation === "OFFICE" };
}

export async function action(args: Route.ActionArgs) {
  const access = await requireCaseAccess(args, args.params.caseId, OFFICE_ONLY);
  const formData = await args.request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent !== "disclose") notUnderstood();
  const on = today();
  const { schoolId } = access.caseRow;
  const submission = parseWithZod(formData, { schema: packetDisclosureSchema(on, schoolId) });
  if (submission.status !== "success") return reply({ intent, submission });
  const student = await packetStudentKey(access.caseRow.studentId);
  const result = await logDisclosure({
    form: { ...submission.value, schoolId, student, records: PACKET_RECORDS_DESCRIPTION },
    schoolIds: [schoolId],
    actorId: access.user.id,
  });
  if (!result.ok) return reply({ intent, submission, messageIn: "form" }, refuse("INVALID", result.message));
  return redirectWithToast(`/cases/${access.caseRow.id}/packet`, {
    title: "Disclosure recorded",
    description: `${submission.value.recipient} is in the student's disclosure log.`,
  });
}

export function meta({ loaderData }: Route.MetaArgs) {
  if (!loaderData) return [{ title: "Committee packet · Retake Desk" }];
  return [{ title: `Committee packet · ${loaderData.packet.studentName} · ${loaderData.packet.examLabel} · Retake Desk` }];
}

export default function PacketPage({ loaderData, actionData }: Route.ComponentProps) {
  const { packet, canDisclose } = loaderData;
  const lastResult = (actionData as ActionReply | undefined)?.result;
  return (
    <PacketView
      packet={packet}
      disclosure={canDisclose ? <PacketDisclosureForm lastResult={lastResult} today={packet.preparedOn} /> : null}
    />
  );
}
