/**
 * Finding a student record: the office's lookup by email or student number
 * (limited to its schools), and a student's own profile.
 */
import { prisma, type Tx } from "#app/utils/db.server";

export const STUDENT_NOT_FOUND_MESSAGE = "No student of your school has that email or student number.";

interface StudentRef {
  id: string;
  schoolId: string;
  userId: string;
}

export const STUDENT_AMBIGUOUS_MESSAGE =
  "That matches more than one student: enter the student number, and choose the school if you serve several.";

type StudentLookup = { ok: true; student: StudentRef } | { ok: false; message: string };

/**
 * The one student of `schoolIds` with that student number (exact) or email (any
 * case). Refused when none matches, or when more than one does (one student's
 * email and another's number, or the same number at two schools). Pass a
 * transaction client to read inside it.
 */
export async function findStudentByKey(schoolIds: readonly string[], key: string, db: Tx = prisma): Promise<StudentLookup> {
  const text = key.trim();
  const matches =
    text && schoolIds.length > 0
      ? await db.studentProfile.findMany({
          where: { schoolId: { in: [...schoolIds] }, OR: [{ externalId: text }, { user: { email: text.toLowerCase() } }] },
          select: { id: true, schoolId: true, userId: true },
          take: 2,
        })
      : [];
  if (matches.length === 0) return { ok: false, message: STUDENT_NOT_FOUND_MESSAGE };
  if (matches.length > 1) return { ok: false, message: STUDENT_AMBIGUOUS_MESSAGE };
  return { ok: true, student: matches[0] };
}

/** The signed-in person's own student profile (at one school, or at any of several); null when they have none. */
export async function findOwnProfile(userId: string, schoolId?: string | readonly string[], db: Tx = prisma): Promise<StudentRef | null> {
  const schools = schoolId === undefined ? undefined : typeof schoolId === "string" ? [schoolId] : [...schoolId];
  if (schools && schools.length === 0) return null;
  return db.studentProfile.findFirst({
    where: { userId, ...(schools ? { schoolId: { in: schools } } : {}) },
    select: { id: true, schoolId: true, userId: true },
    orderBy: { createdAt: "asc" },
  });
}
