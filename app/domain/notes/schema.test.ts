import { describe, expect, it } from "vitest";
import { canDeleteNote, canEditNote, noteSchema } from "./schema";

const TODAY = "2026-11-22";

describe("noteSchema", () => {
  it("accepts a session up to today and trims the body", () => {
    const r = noteSchema(TODAY).safeParse({ sessionOn: TODAY, body: "  Reviewed block 3.  ", visibility: "PRIVATE" });
    expect(r.success && r.data).toEqual({ sessionOn: TODAY, body: "Reviewed block 3.", visibility: "PRIVATE" });
  });

  it("refuses a future or malformed date, an empty body and an unknown visibility, each at its field", () => {
    const r = noteSchema(TODAY).safeParse({ sessionOn: "2026-11-23", body: " ", visibility: "EVERYONE" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["sessionOn", "A session cannot be in the future"],
      ["body", "Write the note"],
      ["visibility", "Choose who can read this note"],
    ]);
    const bad = noteSchema(TODAY).safeParse({ sessionOn: "2026-02-30", body: "x", visibility: "OFFICE" });
    expect(bad.error?.issues.map((i) => i.message)).toEqual(["Enter the session's date"]);
  });
});

describe("who may change a note", () => {
  const note = { authorId: "tutor", visibility: "OFFICE" as const };
  it("lets only the author edit", () => {
    expect(canEditNote(note, { userId: "tutor", relation: "TUTOR" })).toBe(true);
    expect(canEditNote(note, { userId: "advisor", relation: "OFFICE" })).toBe(false);
  });
  it("lets the author, or the office for a note shared with it, delete; never a student", () => {
    expect(canDeleteNote(note, { userId: "tutor", relation: "TUTOR" })).toBe(true);
    expect(canDeleteNote(note, { userId: "advisor", relation: "OFFICE" })).toBe(true);
    expect(canDeleteNote({ ...note, visibility: "PRIVATE" }, { userId: "advisor", relation: "OFFICE" })).toBe(false);
    expect(canDeleteNote({ ...note, visibility: "STUDENT" }, { userId: "student", relation: "STUDENT" })).toBe(false);
    expect(canDeleteNote(note, { userId: "other", relation: "TUTOR" })).toBe(false);
  });
});
