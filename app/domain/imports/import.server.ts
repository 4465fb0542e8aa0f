/**
 * CSV import: upload → preview (every row validated, row-level errors) →
 * commit all-or-nothing in one transaction. Rows are matched on natural keys
 * (a student's number; student + exam + date; student + instrument + date +
 * form), so importing the same file again changes nothing. Attempts go
 * through the same recording as the forms, so a second failure in a CSV opens
 * the same escalation a hand-entered one would.
 */
import { createHash, randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { type ActivationTarget, issueActivations } from "#app/domain/accounts/mutations.server";
import { recordAttemptsBulk } from "#app/domain/attempts/mutations.server";
import { type AttemptField, validateAttemptInput } from "#app/domain/attempts/rules";
import { refreshDerived, refreshStaleCases } from "#app/domain/cases/derive.server";
import { formatDate, fromDate, type IsoDate, today as todayOf } from "#app/domain/dates";
import { type ExamId, instrument } from "#app/domain/reference";
import { type Refusal, refuse } from "#app/domain/result";
import { formatScore } from "#app/domain/trajectory/practice";
import type { Role } from "#app/domain/vocabulary";
import { changedFields, logActivity } from "#app/utils/activity.server";
import { chunk, inChunks } from "#app/utils/chunks";
import type { Tx } from "#app/utils/db.server";
import { prisma } from "#app/utils/db.server";
import { logger } from "#app/utils/logger.server";
import type { Prisma } from "#generated/prisma/client";
import {
  type AttemptRow,
  headerErrors,
  IMPORT_KIND_LABELS,
  type ImportKind,
  type PracticeRow,
  type RowError,
  type StudentRow,
  validateRecords,
} from "./schema";

/** Up to this many touched cases are re-assessed inside the import; more go to the background refresh. */
const DERIVE_INLINE_LIMIT = 200;

/** Errors shown in a preview; the count says how many more there are. */
const MAX_ERRORS_SHOWN = 200;

interface ImportSummary {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
}

/** A refusal that lists the rows at fault (the first MAX_ERRORS_SHOWN of them). */
export type RowsRefusal = Refusal & { errors: RowError[] };

export const ROWS_REFUSED = "Nothing was imported: fix the rows in the file and upload it again.";

type PreviewResult =
  | { ok: true; batchId: string; summary: ImportSummary; alreadyImportedOn: string | null }
  | (RowsRefusal & { errorCount: number; rows: number });

/** What the activity log keeps of a student's imported fields. */
type StudentSnapshot = {
  email: string;
  name: string;
  graduationYear: number | null;
  internationalGraduate: boolean;
  accommodationStatus: StudentRow["accommodation_status"];
};

/** What the activity log keeps of an imported practice exam's figures. */
type PracticeFigures = {
  score: number;
  lowPassLow: number | null;
  lowPassHigh: number | null;
  passProbability: number | null;
};

type Plan =
  | {
      kind: "STUDENTS";
      creates: StudentRow[];
      /** An existing account becomes a student here; `member` when it already has the (student) membership. */
      attaches: Array<StudentRow & { userId: string; member: boolean }>;
      updates: Array<StudentRow & { profileId: string; userId: string; before: StudentSnapshot }>;
      unchanged: number;
    }
  | { kind: "ATTEMPTS"; creates: Array<AttemptRow & { studentId: string }>; unchanged: number }
  | {
      kind: "PRACTICE";
      creates: Array<PracticeRow & { studentId: string; caseId: string | null }>;
      updates: Array<PracticeRow & { id: string; studentId: string; caseId: string | null; before: PracticeFigures }>;
      unchanged: number;
    };

const studentSnapshot = (row: StudentRow): StudentSnapshot => ({
  email: row.email,
  name: row.name,
  graduationYear: row.graduation_year ?? null,
  internationalGraduate: row.international_graduate,
  accommodationStatus: row.accommodation_status,
});

const practiceFigures = (row: PracticeRow): PracticeFigures => ({
  score: row.score,
  lowPassLow: row.low_pass_low ?? null,
  lowPassHigh: row.low_pass_high ?? null,
  passProbability: row.pass_probability ?? null,
});

/** A staff member's role as the sentence names it. */
const STAFF_NOUNS: Record<Exclude<Role, "STUDENT">, string> = { ADMIN: "an administrator", ADVISOR: "an advisor", TUTOR: "a tutor" };

function parseCsv(kind: ImportKind, content: string): { records: Array<Record<string, string>>; errors: RowError[] } {
  let header: string[] = [];
  try {
    const records = parse(content, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      columns: (names: string[]) => {
        header = names.map((n) => n.trim().toLowerCase());
        return header;
      },
    }) as Array<Record<string, string>>;
    const errors = headerErrors(kind, header);
    return { records: errors.length ? [] : records, errors };
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return { records: [], errors: [{ row: e.lines ?? 1, column: "", message: `The file is not valid CSV: ${e.message ?? "unreadable"}` }] };
  }
}

function duplicateErrors<T>(
  rows: ReadonlyArray<{ row: number; value: T }>,
  key: (v: T) => string,
  column: string,
  what: string,
): RowError[] {
  const seen = new Map<string, number>();
  const errors: RowError[] = [];
  for (const { row, value } of rows) {
    const k = key(value);
    const first = seen.get(k);
    if (first !== undefined) errors.push({ row, column, message: `The same ${what} as row ${first}.` });
    else seen.set(k, row);
  }
  return errors;
}

/** The school's students the rows name, by student number. */
async function studentsByNumber(db: Tx, schoolId: string, rows: ReadonlyArray<{ value: { student_id: string } }>) {
  const profiles = await inChunks([...new Set(rows.map((r) => r.value.student_id))], (part) =>
    db.studentProfile.findMany({
      where: { schoolId, externalId: { in: part } },
      select: {
        id: true,
        externalId: true,
        userId: true,
        graduationYear: true,
        internationalGraduate: true,
        accommodationStatus: true,
        user: { select: { email: true, name: true, passwordHash: true, _count: { select: { memberships: true } } } },
      },
    }),
  );
  return new Map(profiles.map((p) => [p.externalId as string, p]));
}

const unknownStudent = (row: number, number: string): RowError => ({
  row,
  column: "student_id",
  message: `No student with student_id "${number}" at your school. Import the students first.`,
});

/**
 * The rows with their student, skipping those `errors` already refuses when
 * the loop starts; a row naming no student of the school gets an error.
 */
function* withStudents<Value extends { student_id: string }, Student>(
  rows: Iterable<{ row: number; value: Value }>,
  byNumber: ReadonlyMap<string, Student>,
  errors: RowError[],
) {
  const refused = new Set(errors.map((e) => e.row));
  for (const { row, value } of rows) {
    if (refused.has(row)) continue;
    const student = byNumber.get(value.student_id);
    if (student) yield { row, value, student };
    else errors.push(unknownStudent(row, value.student_id));
  }
}

async function planStudents(db: Tx, schoolId: string, rows: ReadonlyArray<{ row: number; value: StudentRow }>) {
  const errors = [
    ...duplicateErrors(rows, (v) => v.student_id, "student_id", "student_id"),
    ...duplicateErrors(rows, (v) => v.email, "email", "email"),
  ];
  const byNumber = await studentsByNumber(db, schoolId, rows);
  const emails = [...new Set(rows.map((r) => r.value.email))];
  const users = await inChunks(emails, (part) =>
    db.user.findMany({
      where: { email: { in: part } },
      select: {
        id: true,
        email: true,
        name: true,
        studentProfiles: {
          where: { schoolId },
          select: { id: true, externalId: true, graduationYear: true, internationalGraduate: true, accommodationStatus: true },
        },
        memberships: { where: { schoolId }, select: { role: true } },
      },
    }),
  );
  const userByEmail = new Map(users.map((u) => [u.email, u]));
  const plan: Extract<Plan, { kind: "STUDENTS" }> = { kind: "STUDENTS", creates: [], attaches: [], updates: [], unchanged: 0 };
  for (const { row, value } of rows) {
    const existing = byNumber.get(value.student_id);
    const owner = userByEmail.get(value.email);
    if (existing) {
      if (owner && owner.id !== existing.userId) {
        errors.push({ row, column: "email", message: `${value.email} already belongs to another account.` });
        continue;
      }
      // The sign-in address is the account's: an import may correct it only before anyone has used the
      // account, and only when no other school shares it (ADR 0012).
      if (!owner && existing.user.email !== value.email) {
        if (existing.user.passwordHash) {
          errors.push({
            row,
            column: "email",
            message: `${existing.user.name} has activated their account, so its sign-in email cannot be changed by an import.`,
          });
          continue;
        }
        if (existing.user._count.memberships > 1) {
          errors.push({
            row,
            column: "email",
            message: `${existing.user.name}'s account also belongs to another school, so its sign-in email cannot be changed by an import.`,
          });
          continue;
        }
      }
      const before: StudentSnapshot = {
        email: existing.user.email,
        name: existing.user.name,
        graduationYear: existing.graduationYear,
        internationalGraduate: existing.internationalGraduate,
        accommodationStatus: existing.accommodationStatus,
      };
      const after = studentSnapshot(value);
      const same = (Object.keys(after) as Array<keyof StudentSnapshot>).every((key) => before[key] === after[key]);
      if (same) plan.unchanged += 1;
      else plan.updates.push({ ...value, profileId: existing.id, userId: existing.userId, before });
    } else if (owner) {
      const profile = owner.studentProfiles[0];
      // A student who joined by invitation has a profile here without a number: the import gives it one.
      if (profile && profile.externalId === null && owner.memberships[0]?.role === "STUDENT") {
        plan.updates.push({
          ...value,
          profileId: profile.id,
          userId: owner.id,
          before: {
            email: owner.email,
            name: owner.name,
            graduationYear: profile.graduationYear,
            internationalGraduate: profile.internationalGraduate,
            accommodationStatus: profile.accommodationStatus,
          },
        });
        continue;
      }
      const other = profile?.externalId;
      if (owner.studentProfiles.length > 0) {
        errors.push({ row, column: "email", message: `${value.email} is already the student with student_id "${other ?? "(none)"}".` });
        continue;
      }
      // One membership per person and school: staff here cannot also be imported as a student here.
      const role = owner.memberships[0]?.role;
      if (role && role !== "STUDENT") {
        errors.push({
          row,
          column: "email",
          message: `${value.email} belongs to ${STAFF_NOUNS[role]} at your school; a student needs an email address of their own.`,
        });
        continue;
      }
      // An account is joined to a school only by its owner, after signing in (ADR 0012).
      if (!role) {
        errors.push({
          row,
          column: "email",
          message: `${value.email} already has a Retake Desk account. Invite them as a student from Users; once they have accepted, import this row again.`,
        });
        continue;
      }
      plan.attaches.push({ ...value, userId: owner.id, member: true });
    } else plan.creates.push(value);
  }
  return { plan, errors };
}

const attemptColumn: Record<AttemptField, string> = { exam: "exam", takenOn: "taken_on", outcome: "outcome", score: "score" };

async function planAttempts(db: Tx, schoolId: string, rows: ReadonlyArray<{ row: number; value: AttemptRow }>, today: IsoDate) {
  const errors = duplicateErrors(rows, (v) => `${v.student_id}|${v.exam}|${v.taken_on}`, "taken_on", "student, exam and date");
  const byNumber = await studentsByNumber(db, schoolId, rows);
  const studentIds = [...byNumber.values()].map((p) => p.id);
  const existing = await inChunks(studentIds, (part) =>
    db.examAttempt.findMany({
      where: { studentId: { in: part } },
      select: { studentId: true, exam: true, takenOn: true, outcome: true, score: true },
    }),
  );
  const history = new Map<
    string,
    Array<{ exam: ExamId; takenOn: string; outcome: "PASS" | "FAIL" | "INCOMPLETE"; score: number | null }>
  >();
  for (const a of existing) history.set(a.studentId, [...(history.get(a.studentId) ?? []), a]);
  const plan: Extract<Plan, { kind: "ATTEMPTS" }> = { kind: "ATTEMPTS", creates: [], unchanged: 0 };
  // Each student's rows in date order, checked against their history and the earlier rows.
  const ordered = [...rows].sort((a, b) => a.value.taken_on.localeCompare(b.value.taken_on) || a.row - b.row);
  for (const { row, value, student } of withStudents(ordered, byNumber, errors)) {
    const previous = history.get(student.id) ?? [];
    const same = previous.find((a) => a.exam === value.exam && a.takenOn === value.taken_on);
    if (same && same.outcome === value.outcome && (same.score ?? null) === (value.score ?? null)) {
      plan.unchanged += 1;
      continue;
    }
    const check = validateAttemptInput(
      { exam: value.exam, takenOn: value.taken_on, outcome: value.outcome, score: value.score ?? null },
      { today, previousAttempts: previous },
    );
    if (!check.ok) {
      for (const [field, message] of Object.entries(check.errors))
        errors.push({ row, column: attemptColumn[field as AttemptField], message: message as string });
      continue;
    }
    history.set(student.id, [
      ...previous,
      { exam: value.exam, takenOn: value.taken_on, outcome: value.outcome, score: value.score ?? null },
    ]);
    plan.creates.push({ ...value, studentId: student.id });
  }
  return { plan, errors };
}

async function planPractice(db: Tx, schoolId: string, rows: ReadonlyArray<{ row: number; value: PracticeRow }>, today: IsoDate) {
  const errors = duplicateErrors(
    rows,
    (v) => `${v.student_id}|${v.instrument}|${v.taken_on}|${v.form}`,
    "taken_on",
    "student, instrument, date and form",
  );
  const byNumber = await studentsByNumber(db, schoolId, rows);
  const studentIds = [...byNumber.values()].map((p) => p.id);
  const existing = await inChunks(studentIds, (part) =>
    db.practiceExam.findMany({
      where: { studentId: { in: part } },
      select: {
        id: true,
        studentId: true,
        instrumentId: true,
        takenOn: true,
        form: true,
        score: true,
        lowPassLow: true,
        lowPassHigh: true,
        passProbability: true,
      },
    }),
  );
  const openCases = await inChunks(studentIds, (part) =>
    db.retakeCase.findMany({ where: { studentId: { in: part }, openSlot: "OPEN" }, select: { id: true, studentId: true, exam: true } }),
  );
  const existingByKey = new Map(existing.map((e) => [`${e.studentId}|${e.instrumentId}|${e.takenOn}|${e.form}`, e]));
  const plan: Extract<Plan, { kind: "PRACTICE" }> = { kind: "PRACTICE", creates: [], updates: [], unchanged: 0 };
  for (const { row, value, student } of withStudents(rows, byNumber, errors)) {
    if (value.taken_on > today) {
      errors.push({ row, column: "taken_on", message: `${formatDate(value.taken_on)} is in the future.` });
      continue;
    }
    const targets = instrument(value.instrument).targetExams;
    const caseId = openCases.find((c) => c.studentId === student.id && targets.includes(c.exam))?.id ?? null;
    const found = existingByKey.get(`${student.id}|${value.instrument}|${value.taken_on}|${value.form}`);
    if (!found) plan.creates.push({ ...value, studentId: student.id, caseId });
    else {
      const before: PracticeFigures = {
        score: found.score,
        lowPassLow: found.lowPassLow,
        lowPassHigh: found.lowPassHigh,
        passProbability: found.passProbability,
      };
      const after = practiceFigures(value);
      if ((Object.keys(after) as Array<keyof PracticeFigures>).every((key) => before[key] === after[key])) plan.unchanged += 1;
      else plan.updates.push({ ...value, id: found.id, studentId: student.id, caseId, before });
    }
  }
  return { plan, errors };
}

async function planImport(db: Tx, schoolId: string, kind: ImportKind, content: string, today: IsoDate) {
  const parsed = parseCsv(kind, content);
  if (parsed.errors.length) return { plan: null, errors: parsed.errors, rows: parsed.records.length };
  const { rows, errors } = validateRecords(kind, parsed.records);
  const planned =
    kind === "STUDENTS"
      ? await planStudents(db, schoolId, rows as Array<{ row: number; value: StudentRow }>)
      : kind === "ATTEMPTS"
        ? await planAttempts(db, schoolId, rows as Array<{ row: number; value: AttemptRow }>, today)
        : await planPractice(db, schoolId, rows as Array<{ row: number; value: PracticeRow }>, today);
  const all = [...errors, ...planned.errors].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  return { plan: all.length ? null : planned.plan, errors: all, rows: parsed.records.length };
}

function summarize(plan: Plan, rows: number): ImportSummary {
  switch (plan.kind) {
    case "STUDENTS":
      return { rows, create: plan.creates.length + plan.attaches.length, update: plan.updates.length, unchanged: plan.unchanged };
    case "ATTEMPTS":
      return { rows, create: plan.creates.length, update: 0, unchanged: plan.unchanged };
    case "PRACTICE":
      return { rows, create: plan.creates.length, update: plan.updates.length, unchanged: plan.unchanged };
  }
}

const sha256 = (content: string) => createHash("sha256").update(content).digest("hex");

/** Validates the whole file; a clean file is kept as a batch ready to commit. */
export async function previewImport(input: {
  schoolId: string;
  kind: ImportKind;
  fileName: string;
  content: string;
  actorId: string;
  today?: IsoDate;
}): Promise<PreviewResult> {
  const today = input.today ?? todayOf();
  const { plan, errors, rows } = await planImport(prisma, input.schoolId, input.kind, input.content, today);
  if (!plan) return { ...refuse("INVALID", ROWS_REFUSED), errors: errors.slice(0, MAX_ERRORS_SHOWN), errorCount: errors.length, rows };
  const hash = sha256(input.content);
  const [batch, previous] = await Promise.all([
    prisma.importBatch.create({
      data: {
        schoolId: input.schoolId,
        kind: input.kind,
        fileName: input.fileName.slice(0, 200),
        sha256: hash,
        content: input.content,
        rowCount: rows,
        createdById: input.actorId,
      },
      select: { id: true },
    }),
    prisma.importBatch.findFirst({
      where: { schoolId: input.schoolId, sha256: hash, status: "COMMITTED" },
      select: { committedAt: true },
      orderBy: { committedAt: "desc" },
    }),
  ]);
  return {
    ok: true,
    batchId: batch.id,
    summary: summarize(plan, rows),
    alreadyImportedOn: previous?.committedAt ? fromDate(previous.committedAt) : null,
  };
}

type CommitResult = { ok: true; summary: ImportSummary; kind: ImportKind } | RowsRefusal;

/** Who imported what: each written row gets its own activity-log entry besides the batch's. */
interface ImportAudit {
  schoolId: string;
  actorId: string;
  fileName: string;
  now: Date;
}

const json = (value: unknown) => JSON.stringify(value);

async function writeActivity(tx: Tx, entries: Prisma.ActivityLogCreateManyInput[]) {
  for (const part of chunk(entries)) await tx.activityLog.createMany({ data: part });
}

async function applyStudents(tx: Tx, plan: Extract<Plan, { kind: "STUDENTS" }>, audit: ImportAudit) {
  const { schoolId } = audit;
  const base = { schoolId, actorId: audit.actorId, createdAt: audit.now, entity: "StudentProfile" };
  const added = [
    ...plan.creates.map((row) => ({ row, userId: randomUUID(), newUser: true, member: false })),
    ...plan.attaches.map((row) => ({ row, userId: row.userId, newUser: false, member: row.member })),
  ].map((entry) => ({ ...entry, profileId: randomUUID() }));
  for (const part of chunk(added.filter((a) => a.newUser))) {
    await tx.user.createMany({ data: part.map(({ row, userId }) => ({ id: userId, email: row.email, name: row.name })) });
  }
  // New accounts have no password: each gets an activation mail, sent to the imported address (ADR 0012).
  const school = await tx.school.findUniqueOrThrow({ where: { id: schoolId }, select: { name: true } });
  const activations: ActivationTarget[] = added
    .filter((a) => a.newUser)
    .map(({ row, userId }) => ({ userId, email: row.email, name: row.name, schoolId, schoolName: school.name }));
  for (const part of chunk(added)) {
    const newMembers = part.filter((a) => !a.member);
    if (newMembers.length > 0)
      await tx.membership.createMany({ data: newMembers.map(({ userId }) => ({ userId, schoolId, role: "STUDENT" as const })) });
    await tx.studentProfile.createMany({
      data: part.map(({ row, userId, profileId }) => ({
        id: profileId,
        userId,
        schoolId,
        externalId: row.student_id,
        graduationYear: row.graduation_year ?? null,
        internationalGraduate: row.international_graduate,
        accommodationStatus: row.accommodation_status,
      })),
    });
    await writeActivity(
      tx,
      part.map(({ row, profileId, newUser }) => ({
        ...base,
        entityId: profileId,
        action: "student.imported",
        summary: `${row.name} (student_id ${row.student_id}) added by the import of ${audit.fileName}${newUser ? "" : ", with their existing account"}`,
        after: json({ studentId: row.student_id, ...studentSnapshot(row) }),
      })),
    );
  }
  const changes: Prisma.ActivityLogCreateManyInput[] = [];
  for (const row of plan.updates) {
    await tx.user.update({ where: { id: row.userId }, data: { email: row.email, name: row.name } });
    // Only a never-activated account's address can change (the plan refuses the rest): the new address gets the activation.
    if (row.before.email !== row.email) {
      activations.push({ userId: row.userId, email: row.email, name: row.name, schoolId, schoolName: school.name });
    }
    await tx.studentProfile.update({
      where: { id: row.profileId },
      data: {
        externalId: row.student_id,
        graduationYear: row.graduation_year ?? null,
        internationalGraduate: row.international_graduate,
        accommodationStatus: row.accommodation_status,
      },
    });
    const diff = changedFields(row.before, studentSnapshot(row));
    const emailChange = row.before.email !== row.email ? `; sign-in email changed from ${row.before.email} to ${row.email}` : "";
    changes.push({
      ...base,
      entityId: row.profileId,
      action: "student.updated",
      summary: `${row.name} (student_id ${row.student_id}) updated by the import of ${audit.fileName}: ${Object.keys(diff.after).join(", ")}${emailChange}`,
      before: json(diff.before),
      after: json(diff.after),
    });
  }
  await writeActivity(tx, changes);
  await issueActivations(tx, activations, audit.now);
  return [] as string[];
}

async function applyAttempts(tx: Tx, plan: Extract<Plan, { kind: "ATTEMPTS" }>, actorId: string, today: IsoDate) {
  const rows = plan.creates.map((row) => ({
    studentId: row.studentId,
    exam: row.exam,
    takenOn: row.taken_on,
    outcome: row.outcome,
    score: row.score ?? null,
  }));
  const { touched } = await recordAttemptsBulk(tx, rows, { actorId, source: "IMPORT", today });
  return touched;
}

/** "CBSSA Form 31 of 14 Mar 2026" */
const practiceLabel = (row: PracticeRow) =>
  `${instrument(row.instrument).shortName}${row.form ? ` ${row.form}` : ""} of ${formatDate(row.taken_on)}`;
const practiceScore = (row: PracticeRow, score: number) => formatScore(score, instrument(row.instrument).scaleFamily);

async function applyPractice(tx: Tx, plan: Extract<Plan, { kind: "PRACTICE" }>, audit: ImportAudit) {
  const base = { schoolId: audit.schoolId, actorId: audit.actorId, createdAt: audit.now, entity: "PracticeExam" };
  const created = plan.creates.map((row) => ({ row, id: randomUUID() }));
  for (const part of chunk(created)) {
    await tx.practiceExam.createMany({
      data: part.map(({ row, id }) => ({
        id,
        studentId: row.studentId,
        caseId: row.caseId,
        instrumentId: row.instrument,
        form: row.form,
        takenOn: row.taken_on,
        recordedById: audit.actorId,
        source: "IMPORT",
        ...practiceFigures(row),
      })),
    });
    await writeActivity(
      tx,
      part.map(({ row, id }) => ({
        ...base,
        caseId: row.caseId,
        entityId: id,
        action: "practice.logged",
        summary: `Practice exam imported from ${audit.fileName}: ${practiceLabel(row)}, ${practiceScore(row, row.score)}`,
        after: json({ instrumentId: row.instrument, form: row.form, takenOn: row.taken_on, ...practiceFigures(row) }),
      })),
    );
  }
  const changes: Prisma.ActivityLogCreateManyInput[] = [];
  for (const row of plan.updates) {
    await tx.practiceExam.update({ where: { id: row.id }, data: { ...practiceFigures(row), version: { increment: 1 } } });
    const diff = changedFields(row.before, practiceFigures(row));
    const scoreChange =
      row.before.score !== row.score ? `, ${practiceScore(row, row.before.score)} → ${practiceScore(row, row.score)}` : "";
    changes.push({
      ...base,
      caseId: row.caseId,
      entityId: row.id,
      action: "practice.updated",
      summary: `Practice exam corrected by the import of ${audit.fileName}: ${practiceLabel(row)}${scoreChange}`,
      before: json(diff.before),
      after: json(diff.after),
    });
  }
  await writeActivity(tx, changes);
  return [...new Set([...plan.creates, ...plan.updates].flatMap((r) => (r.caseId ? [r.caseId] : [])))];
}

/**
 * Commits a previewed batch: the rows are checked again against the database as
 * it is now, then written in one transaction — all of them or none.
 */
export async function commitImport(input: {
  batchId: string;
  schoolIds: string[];
  actorId: string;
  today?: IsoDate;
}): Promise<CommitResult> {
  const today = input.today ?? todayOf();
  const result: CommitResult = await prisma.$transaction(
    async (tx) => {
      const batch = await tx.importBatch.findFirst({
        where: { id: input.batchId, schoolId: { in: input.schoolIds } },
        select: { id: true, schoolId: true, kind: true, content: true, status: true, fileName: true },
      });
      // Both answer 409: the batch is another school's, or gone with a committed one.
      if (!batch) return { ...refuse("CONFLICT", "That import was not found."), errors: [] };
      if (batch.status !== "PREVIEWED") return { ...refuse("CONFLICT", "That import was already committed."), errors: [] };
      const kind = batch.kind as ImportKind;
      const { plan, errors, rows } = await planImport(tx, batch.schoolId, kind, batch.content, today);
      if (!plan)
        return {
          ...refuse("CONFLICT", "The data changed since the preview; nothing was imported."),
          errors: errors.slice(0, MAX_ERRORS_SHOWN),
        };
      const audit: ImportAudit = { schoolId: batch.schoolId, actorId: input.actorId, fileName: batch.fileName, now: new Date() };
      const touched =
        plan.kind === "STUDENTS"
          ? await applyStudents(tx, plan, audit)
          : plan.kind === "ATTEMPTS"
            ? await applyAttempts(tx, plan, input.actorId, today)
            : await applyPractice(tx, plan, audit);
      // A few cases are re-assessed now; a large import marks them for the background refresh.
      if (touched.length <= DERIVE_INLINE_LIMIT) await refreshDerived(tx, touched, today);
      else
        await inChunks(touched, async (part) => [
          await tx.retakeCase.updateMany({ where: { id: { in: part } }, data: { derivedAt: null } }),
        ]);
      const summary = summarize(plan, rows);
      await tx.importBatch.update({
        where: { id: batch.id },
        data: { status: "COMMITTED", committedAt: new Date(), summary: JSON.stringify(summary) },
      });
      await logActivity(tx, {
        schoolId: batch.schoolId,
        actorId: input.actorId,
        entity: "ImportBatch",
        entityId: batch.id,
        action: "import.committed",
        summary: `${IMPORT_KIND_LABELS[kind]} imported from ${batch.fileName}: ${summary.create} new, ${summary.update} updated, ${summary.unchanged} unchanged`,
        after: summary,
      });
      return { ok: true, summary, kind } as const;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  if (result.ok) void refreshStaleCases(today).catch((error) => logger.error({ err: error }, "re-assessing imported cases failed"));
  return result;
}

/** The schools' ten latest committed imports. */
export function recentImports(schoolIds: readonly string[]) {
  return prisma.importBatch.findMany({
    where: { schoolId: { in: [...schoolIds] }, status: "COMMITTED" },
    select: {
      id: true,
      kind: true,
      fileName: true,
      rowCount: true,
      committedAt: true,
      summary: true,
      school: { select: { name: true } },
    },
    orderBy: { committedAt: "desc" },
    take: 10,
  });
}
