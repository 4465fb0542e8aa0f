/**
 * Demo session records (docs/decisions/0024), kept apart from the main story:
 * for the first active cases of each Northfield tutor, a meeting and a call in
 * the past two weeks with next steps due by today, and for one student two
 * no-shows in a row (the risk flag). Each is recorded on the story's clock at
 * its session's date, so nothing is dated after `today`.
 * Written through the app's own mutation, so contact dates, the activity log
 * and the derived risk move as they would.
 */
import { addDays, type IsoDate } from "#app/domain/dates.ts";
import { recordSession } from "#app/domain/sessions/mutations.server.ts";
import { type SessionForm, sessionSchema } from "#app/domain/sessions/schema.ts";
import { prisma } from "#app/utils/db.server.ts";

/** Active cases per tutor that get sessions. */
const CASES_PER_TUTOR = 2;

/** Runs `run` on the story's clock at noon of `on` (the seed's `atStory`), so the rows it writes are dated that day. */
export type AtStoryDay = <T>(on: IsoDate, run: () => Promise<T>) => Promise<T>;

export async function seedSessions(schoolId: string, today: IsoDate, at: AtStoryDay): Promise<void> {
  const cases = await prisma.retakeCase.findMany({
    where: { schoolId, status: "ACTIVE", openSlot: "OPEN", tutorId: { not: null } },
    select: { id: true, tutorId: true },
    orderBy: { openedAt: "asc" },
  });
  const perTutor = new Map<string, string[]>();
  for (const c of cases) {
    const list = perTutor.get(c.tutorId as string) ?? [];
    if (list.length < CASES_PER_TUTOR) perTutor.set(c.tutorId as string, [...list, c.id]);
  }
  const schema = sessionSchema(today);
  const record = async (caseId: string, actorId: string, values: Record<string, unknown>) => {
    const form: SessionForm = schema.parse({ visibility: "OFFICE", nextSteps: [], ...values });
    // Recorded on the session's own day: the session, its next steps and their log rows carry that date.
    const result = await at(form.sessionOn, () => recordSession({ caseId, schoolId, actorId, form, today }));
    if (!result.ok) throw new Error(`demo session: ${result.message}`);
  };
  let noShowsDone = false;
  for (const [tutorId, caseIds] of perTutor) {
    for (const caseId of caseIds) {
      if (!noShowsDone) {
        // This student stopped coming: two no-shows in a row after a first meeting.
        await record(caseId, tutorId, {
          kind: "MEETING",
          sessionOn: addDays(today, -16),
          durationMinutes: 45,
          attendance: "ON_TIME",
          summary: "Reviewed the first weeks of the plan.",
        });
        await record(caseId, tutorId, { kind: "NO_SHOW", sessionOn: addDays(today, -9) });
        await record(caseId, tutorId, {
          kind: "NO_SHOW",
          sessionOn: addDays(today, -2),
          nextSteps: [{ text: "Call the student and agree a new session time", dueOn: today }],
        });
        noShowsDone = true;
        continue;
      }
      await record(caseId, tutorId, {
        kind: "MEETING",
        sessionOn: addDays(today, -7),
        durationMinutes: 50,
        attendance: "ON_TIME",
        summary: "Went through last week's blocks and the weakest systems.",
        nextSteps: [
          { text: "Two timed mixed blocks with full review", dueOn: addDays(today, -3) },
          { text: "Send the block log before the next call", dueOn: today },
        ],
      });
      await record(caseId, tutorId, {
        kind: "CALL",
        sessionOn: addDays(today, -1),
        durationMinutes: 20,
        attendance: "LATE",
        summary: "Short check on pacing.",
        nextSteps: [{ text: "Timed block at exam pace", dueOn: today }],
      });
    }
  }
}
