/**
 * Finding a student record: the office's lookup by email or student number
 * (limited to its schools), and a student's own profile.
 */
import { prisma, type Tx } from "../../utils/db.server";

export const STUDENT_NOT_FOUND_MESSAGE = "No student of your school has that email or student number.";

export interface StudentRef {
  id: string;
  schoolId: string;
  userId: string;
}

/**
 * A student of one of `schoolIds` by student number (exact) or email (any
 * case); null when none matches. Pass a transaction client to read inside it.
 */
export async function findStudentByKey(schoolIds: readonly string[], key: string, db: Tx = prisma): Promise<StudentRef | null> {
  const text = key.trim();
  if (!text || schoolIds.length === 0) return null;
  return db.studentProfile.findFirst({
    where: { schoolId: { in: [...schoolIds] }, OR: [{ externalId: text }, { user: { email: text.toLowerCase() } }] },
    select: { id: true, schoolId: true, userId: true },
  });
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
