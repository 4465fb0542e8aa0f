import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { consecutiveNoShows, scheduleSchema, sessionSchema } from "./schema";

const today = "2026-12-02";
/** The field errors of a submission (none when it succeeded). */
const errorsOf = (submission: { reply: () => { error?: Record<string, string[] | null> | null } }) => submission.reply().error ?? {};
const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};

describe("sessionSchema", () => {
  it("reads a meeting with next steps, ignoring blank rows", () => {
    const parsed = parseWithZod(
      form({
        kind: "MEETING",
        sessionOn: "2026-12-01",
        durationMinutes: "45",
        attendance: "LATE",
        summary: "Went over renal",
        visibility: "OFFICE",
        "nextSteps[0].text": "Two renal blocks",
        "nextSteps[0].dueOn": "2026-12-05",
        "nextSteps[1].text": "",
        "nextSteps[1].dueOn": "",
      }),
      { schema: sessionSchema(today) },
    );
    expect(parsed.status).toBe("success");
    if (parsed.status === "success") expect(parsed.value.nextSteps).toEqual([{ text: "Two renal blocks", dueOn: "2026-12-05" }]);
  });

  it("asks a meeting for its length and attendance, refuses attendance on a no-show, a future date and a step due before the session", () => {
    const meeting = parseWithZod(form({ kind: "MEETING", sessionOn: "2026-12-01", visibility: "OFFICE" }), {
      schema: sessionSchema(today),
    });
    expect(errorsOf(meeting).durationMinutes).toBeDefined();
    expect(errorsOf(meeting).attendance).toBeDefined();
    const noShow = parseWithZod(form({ kind: "NO_SHOW", sessionOn: "2026-12-01", attendance: "LATE", visibility: "OFFICE" }), {
      schema: sessionSchema(today),
    });
    expect(errorsOf(noShow).attendance).toBeDefined();
    const future = parseWithZod(form({ kind: "NO_SHOW", sessionOn: "2026-12-03", visibility: "OFFICE" }), { schema: sessionSchema(today) });
    expect(errorsOf(future).sessionOn).toBeDefined();
    const early = parseWithZod(
      form({
        kind: "NO_SHOW",
        sessionOn: "2026-12-01",
        visibility: "OFFICE",
        "nextSteps[0].text": "Call",
        "nextSteps[0].dueOn": "2026-11-30",
      }),
      { schema: sessionSchema(today) },
    );
    expect(errorsOf(early)["nextSteps[0].dueOn"]).toBeDefined();
  });
});

describe("scheduleSchema", () => {
  it("takes today or later with an optional time, and refuses a past day or a bad time", () => {
    expect(parseWithZod(form({ kind: "CALL", sessionOn: today }), { schema: scheduleSchema(today) }).status).toBe("success");
    const bad = parseWithZod(form({ kind: "NO_SHOW", sessionOn: "2026-12-01", startTime: "25:00" }), { schema: scheduleSchema(today) });
    expect(Object.keys(errorsOf(bad)).sort()).toEqual(["kind", "sessionOn", "startTime"]);
  });
});

describe("consecutiveNoShows", () => {
  it("flags the last two expected sessions both missed, messages aside", () => {
    expect(
      consecutiveNoShows(
        [
          { kind: "MEETING", sessionOn: "2026-11-01" },
          { kind: "NO_SHOW", sessionOn: "2026-11-10" },
          { kind: "MESSAGE", sessionOn: "2026-11-12" },
          { kind: "NO_SHOW", sessionOn: "2026-11-17" },
        ],
        today,
      ),
    ).toEqual(["2026-11-17", "2026-11-10"]);
  });

  it("does not flag one no-show, or two with a session attended between them", () => {
    expect(consecutiveNoShows([{ kind: "NO_SHOW", sessionOn: "2026-11-17" }], today)).toBeNull();
    expect(
      consecutiveNoShows(
        [
          { kind: "NO_SHOW", sessionOn: "2026-11-10" },
          { kind: "CALL", sessionOn: "2026-11-12" },
          { kind: "NO_SHOW", sessionOn: "2026-11-17" },
        ],
        today,
      ),
    ).toBeNull();
  });
});
