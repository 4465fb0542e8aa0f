/** The fields that say whose case it is, in a Prisma select: the case, its school, its student and the exam retaken. */
export const CASE_IDENTITY_SELECT = { id: true, schoolId: true, studentId: true, exam: true } as const;
