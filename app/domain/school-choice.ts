/**
 * The school a form acts on, for a person who works at several: the field must
 * name one of their schools (never another's). With only one school the field
 * is not shown and may be left out.
 */
import { z } from "zod";
import type { SessionUser } from "#app/context";
import { blankToUndefined } from "./text";

/** The person's schools among `schoolIds` (those their role allows), as a select's options. */
export function schoolOptions(user: Pick<SessionUser, "memberships">, schoolIds: readonly string[]) {
  return user.memberships.filter((m) => schoolIds.includes(m.schoolId)).map((m) => ({ value: m.schoolId, label: m.schoolName }));
}

export function schoolIdSchema(schoolIds: readonly string[]) {
  return z.preprocess(
    (value) => blankToUndefined(value) ?? (schoolIds.length === 1 ? schoolIds[0] : undefined),
    z.string({ error: "Choose the school." }).refine((id) => schoolIds.includes(id), { error: "Choose one of your schools." }),
  );
}
