/**
 * The end-to-end server's test-data endpoint (scripts/e2e-server.ts mounts it
 * in front of the app; the app itself never has it). Tests ask it for the
 * records they change (e2e/data.ts): they are written by the server's own
 * process, through its one database connection, so test data and the requests
 * of a test running alongside never wait on each other's locks.
 *
 *   POST /__e2e/data/<what>   JSON in, JSON out; needs the run's E2E_DATA_TOKEN
 */
import express, { type RequestHandler } from "express";
import { today } from "#app/domain/dates";
import { createInvitationIn } from "#app/domain/invitations/mutations.server";
import { createNote } from "#app/domain/notes/mutations.server";
import { noteSchema } from "#app/domain/notes/schema";
import { createSchool as createOperatorSchool } from "#app/domain/schools/create.server";
import { prisma } from "#app/utils/db.server";
import { createSession } from "#app/utils/session.server";
import { type Stage, seedStudentStory, type Trend } from "../prisma/seed";
import { createSchool, createSchoolWithCase, createStudent, createUser } from "../tests/factories";

export const DATA_PATH = "/__e2e/data";
export const TOKEN_HEADER = "x-e2e-data-token";

let counter = 0;
/** Unique and readable (across the server's processes too): tests find their records by these names. */
const uniqueToken = () => `${Date.now().toString(36)}${process.pid.toString(36)}${(counter++).toString(36)}`;
const uniqueName = (what: string) => `${what} ${uniqueToken()}`;

const DAY_MS = 24 * 60 * 60 * 1000;

const person = (u: { id: string; email: string; name: string }) => ({ id: u.id, email: u.email, name: u.name });

/** A school as `npm run school:create` makes it, with a unique name and its first admin's address. */
async function makeOperatorSchool() {
  const token = uniqueToken();
  const school = { name: `School ${token}`, slug: `school-${token}` };
  const adminEmail = `dean@school-${token}.edu`;
  const result = await createOperatorSchool({ ...school, adminEmail, adminName: "Dana Wolfe" });
  if (!result.ok) throw new Error(`could not create the school: ${result.errors.join("; ")}`);
  return { school: { id: result.schoolId, ...school }, adminEmail };
}

const makers = {
  /**
   * A school of the test's own with an advisor, an admin, two tutors and a
   * student with an open Step 1 case (one failure): in the intake queue, or
   * taken by the tutor (DIAGNOSING). With `ownDomain`, its people's
   * addresses are at an e-mail domain of the school's own (`domain`), which
   * its single sign-on can claim.
   */
  async schoolWithCase(input: { takenBy?: "tutor"; ownDomain?: boolean }) {
    const setup = await createSchoolWithCase({ takenBy: input.takenBy });
    const name = uniqueName("Student");
    await prisma.user.update({ where: { id: setup.student.id }, data: { name } });
    const domain = input.ownDomain ? `sso-${uniqueToken()}.edu` : null;
    const people = { advisor: setup.advisor, admin: setup.admin, tutor: setup.tutor, otherTutor: setup.otherTutor, student: setup.student };
    if (domain) {
      for (const [role, user] of Object.entries(people)) {
        user.email = `${role.toLowerCase()}@${domain}`;
        await prisma.user.update({ where: { id: user.id }, data: { email: user.email } });
      }
    }
    return {
      school: setup.school,
      domain,
      caseId: setup.caseId,
      advisor: person(setup.advisor),
      admin: person(setup.admin),
      tutor: person(setup.tutor),
      otherTutor: person(setup.otherTutor),
      student: { ...person(setup.student), name, studentId: setup.student.studentId },
    };
  },

  /**
   * A school made as the operator makes one (`npm run school:create`, the
   * same domain function): default settings, and its first admin, a new
   * account, is mailed an activation link by the app's mail worker.
   */
  operatorSchool: (_input: Record<string, never>) => makeOperatorSchool(),

  /**
   * A school of the test's own, made as the operator makes one, that requires
   * a second factor of its office (advisors and admins), with an advisor
   * invited by mail as its admin would (the invitation's mail is in the outbox).
   */
  async twoFactorSchool(_input: Record<string, never>) {
    const { school, adminEmail } = await makeOperatorSchool();
    const advisorEmail = adminEmail.replace(/^dean@/, "advisor@");
    await prisma.schoolSignIn.upsert({
      where: { schoolId: school.id },
      create: { schoolId: school.id, twoFactorRequiredFor: "OFFICE" },
      update: { twoFactorRequiredFor: "OFFICE" },
    });
    const invited = await prisma.$transaction((tx) =>
      createInvitationIn(tx, { schoolId: school.id, email: advisorEmail, name: "Sam Adeyemi", role: "ADVISOR", invitedById: null }),
    );
    if (!invited.ok) throw new Error(`could not invite the advisor: ${invited.message}`);
    return { school, advisorEmail };
  },

  /**
   * A school of the test's own with an advisor and a tutor, and one student
   * whose case has reached `stage` as the demo students' have (prisma/seed.ts).
   * The story runs to yesterday, so what the test does today is the newest
   * thing on record (and never a second practice exam of one form on one day).
   */
  async schoolWithStory(input: { stage: Stage; exam?: "STEP1" | "STEP2_CK"; trend?: Trend }) {
    const school = await createSchool(uniqueName("School"));
    const advisor = await createUser({ schoolId: school.id, role: "ADVISOR", name: uniqueName("Advisor") });
    const tutor = await createUser({ schoolId: school.id, role: "TUTOR", name: uniqueName("Tutor") });
    const student = await createStudent(school.id, uniqueName("Student"));
    await seedStudentStory({
      schoolId: school.id,
      advisorId: advisor.id,
      tutorId: tutor.id,
      student: { id: student.studentId, userId: student.id },
      stage: input.stage,
      exam: input.exam,
      trend: input.trend,
      now: new Date(Date.now() - DAY_MS),
    });
    const { id: caseId } = await prisma.retakeCase.findFirstOrThrow({
      where: { studentId: student.studentId, openSlot: "OPEN" },
      select: { id: true },
    });
    return {
      school,
      caseId,
      advisor: person(advisor),
      tutor: person(tutor),
      student: { ...person(student), studentId: student.studentId },
    };
  },

  /** A demo account, for tests that only read the demo data. */
  async demoUser(input: { email: string }) {
    return person(await prisma.user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true, email: true, name: true } }));
  },

  /** A session for `userId`, made as the sign-in action makes one; the token goes in the cookie. */
  async session(input: { userId: string }) {
    const { token, session } = await createSession(input.userId);
    return { token, expiresAt: session.expiresAt.toISOString() };
  },

  /** A session note dated today, through the notes mutation. */
  async note(input: { caseId: string; schoolId: string; authorId: string; body: string; visibility: "PRIVATE" | "OFFICE" | "STUDENT" }) {
    const on = today();
    const form = noteSchema(on).parse({ sessionOn: on, body: input.body, visibility: input.visibility });
    const result = await createNote({ caseId: input.caseId, schoolId: input.schoolId, actorId: input.authorId, form });
    if (!result.ok) throw new Error(`could not add the note: ${JSON.stringify(result)}`);
    return { ok: true };
  },
};

export type DataMakers = typeof makers;

/** The endpoint, refusing any request without the run's token. */
export function dataEndpoint(token: string): RequestHandler {
  const router = express.Router();
  router.post(`${DATA_PATH}/:what`, express.json(), async (req, res) => {
    if (!token || req.get(TOKEN_HEADER) !== token) return void res.status(403).json({ error: "wrong test-data token" });
    const make = makers[req.params.what as keyof DataMakers] as ((input: unknown) => Promise<unknown>) | undefined;
    if (!make) return void res.status(404).json({ error: `no test data called ${req.params.what}` });
    try {
      res.json(await make(req.body ?? {}));
    } catch (error) {
      res.status(500).json({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  return router;
}
