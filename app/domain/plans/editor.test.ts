import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { addDays, addWeeks } from "#app/domain/dates";
import { editorValues, fieldName, newFocusKey, planEditorSchema, spacingViolations, versionFromEditor } from "./editor";
import { type GeneratedPlan, generatePlan } from "./generator";

const START = "2027-01-04";

function proposal(): GeneratedPlan {
  const result = generatePlan({
    exam: "STEP1",
    failureNumber: 1,
    startDate: START,
    examDate: addWeeks(START, 8),
    hoursPerDay: 8,
    restDay: 7,
    previousResources: ["UWorld"],
    focusCandidates: [
      { key: "step1.discipline.pharmacology", label: "Pharmacology", kind: "AREA", weight: 3 },
      { key: "step1.discipline.microbiology", label: "Microbiology", kind: "AREA", weight: 2 },
    ],
    strongAreas: [],
    findingKinds: ["TEST_ANXIETY"],
    sharedFindingKinds: ["TEST_ANXIETY"],
    spacingViolations: [],
  });
  if (!result.plan) throw new Error("no plan");
  return result.plan;
}

describe("versionFromEditor", () => {
  it("rebuilds exactly the generator's rhythm when the basics are unchanged", () => {
    const plan = proposal();
    const built = versionFromEditor("STEP1", editorValues(plan));
    expect(built.ok).toBe(true);
    if (built.ok) expect(built.data.content.rhythm).toEqual(plan.content.rhythm);
  });

  it("moves the protected rest day and the study minutes with the edited basics", () => {
    const values = { ...editorValues(proposal()), restDay: 3, hoursPerDay: 6 };
    const built = versionFromEditor("STEP1", values);
    if (!built.ok) throw new Error(JSON.stringify(built.fieldErrors));
    const wednesday = built.data.content.rhythm[2];
    expect(wednesday.blocks.every((b) => b.kind === "REST" || b.kind === "LIGHT_REVIEW")).toBe(true);
    const monday = built.data.content.rhythm[0].blocks.reduce((s, b) => s + b.minutes, 0);
    expect(monday).toBe(6 * 60);
  });

  it("gives clerkship days their own hours: a shorter day, the other days and the full-length exam as they were", () => {
    const plan = proposal();
    // Monday and Wednesday are clerkship days with 3 study hours; Tuesday is left at the usual 8.
    const values = { ...editorValues(plan), hoursByDay: [3, undefined, 3, 8] };
    const built = versionFromEditor("STEP1", values);
    if (!built.ok) throw new Error(JSON.stringify(built.fieldErrors));
    const minutes = built.data.content.rhythm.map((d) => d.blocks.reduce((sum, b) => sum + b.minutes, 0));
    expect(minutes.slice(0, 5)).toEqual([180, 480, 180, 480, 480]);
    expect(built.data.content.dayHours).toEqual([
      { weekday: 1, hours: 3 },
      { weekday: 3, hours: 3 },
    ]);
    const monday = built.data.content.rhythm[0].blocks;
    expect(monday[0]).toMatchObject({ kind: "TIMED_BLOCKS", blockCount: 2, blockMinutes: 30 });
    expect(monday[0].description).toMatch(/^Shorter day \(3 study hours, e\.g\. a clerkship day\)/);
    expect(built.data.content.rhythm[5]).toEqual(plan.content.rhythm[5]);
    // The stored days come back into the form's seven fields.
    expect(editorValues(built.data).hoursByDay).toEqual([3, undefined, 3, undefined, undefined, undefined, undefined]);
    expect(versionFromEditor("STEP1", editorValues(plan)).ok && plan.content.dayHours).toBeUndefined();
  });

  it("keeps the rest day free and the full-length day whole, saying so next to that day's field", () => {
    const values = { ...editorValues(proposal()), hoursByDay: [undefined, undefined, undefined, undefined, undefined, 4, 2] };
    const built = versionFromEditor("STEP1", values);
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.fieldErrors["hoursByDay[5]"]).toEqual(["Saturday is the full-length practice exam's day: it keeps the whole test day"]);
    expect(built.fieldErrors["hoursByDay[6]"]).toEqual(["Sunday is the rest day: no study hours"]);
  });

  it("reads the day fields from a posted form, empty ones as the usual hours", () => {
    const formData = new FormData();
    for (const [k, v] of Object.entries({ startDate: START, examDate: addWeeks(START, 8), hoursPerDay: "8", restDay: "7" }))
      formData.set(k, v);
    for (const [k, v] of Object.entries({ key: "mixed", label: "Mixed review", kind: "AREA", sharePercent: "100" })) {
      formData.set(`focusAreas[0].${k}`, v);
    }
    formData.set("hoursByDay[0]", "3.5");
    formData.set("hoursByDay[1]", "");
    formData.set("hoursByDay[2]", "2.25");
    const submission = parseWithZod(formData, { schema: planEditorSchema });
    expect(submission.status).toBe("error");
    expect(submission.reply().error?.["hoursByDay[2]"]).toEqual(["Use whole or half hours"]);
    formData.set("hoursByDay[2]", "4");
    const ok = parseWithZod(formData, { schema: planEditorSchema });
    if (ok.status !== "success") throw new Error(JSON.stringify(ok.reply().error));
    expect(ok.value.hoursByDay).toEqual([3.5, undefined, 4]);
  });

  it("uses the exam format in force on the exam date", () => {
    const values = { ...editorValues(proposal()), startDate: "2026-03-02", examDate: "2026-05-01" };
    const values2 = { ...values, milestones: [] };
    const old = versionFromEditor("STEP1", values2);
    if (!old.ok) throw new Error(JSON.stringify(old.fieldErrors));
    expect(old.data.content.rhythm[0].blocks[0]).toMatchObject({ blockMinutes: 60, itemsPerBlock: 40 });
    const now = versionFromEditor("STEP1", { ...values2, examDate: "2026-06-01" });
    if (!now.ok) throw new Error(JSON.stringify(now.fieldErrors));
    expect(now.data.content.rhythm[0].blocks[0]).toMatchObject({ blockMinutes: 30, itemsPerBlock: 20 });
  });

  it("reports whole-version problems under the editor's field names", () => {
    const values = editorValues(proposal());
    const late = { ...values, milestones: values.milestones.map((m, i) => (i === 0 ? { ...m, dueOn: addDays(values.examDate, 1) } : m)) };
    const built = versionFromEditor("STEP1", late);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(Object.keys(built.fieldErrors)).toEqual(["milestones[0].dueOn"]);
  });
});

describe("planEditorSchema", () => {
  it("reads an emptied list as empty and still asks for a focus area", () => {
    const form = new FormData();
    form.set("startDate", START);
    form.set("examDate", addWeeks(START, 8));
    form.set("hoursPerDay", "8");
    form.set("restDay", "7");
    const submission = parseWithZod(form, { schema: planEditorSchema });
    expect(submission.status).toBe("error");
    const error = submission.reply().error ?? {};
    expect(Object.keys(error)).toEqual(["focusAreas"]);
  });

  it("refuses shares that do not add up to 100 and milestones outside the period", () => {
    const values = editorValues(proposal());
    const result = planEditorSchema.safeParse({
      ...values,
      focusAreas: values.focusAreas.map((f) => ({ ...f, sharePercent: 10 })),
      milestones: values.milestones.map((m) => ({ ...m, dueOn: addDays(START, -1) })),
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths).toContain("focusAreas");
    expect(paths).toContain("milestones.0.dueOn");
  });
});

describe("helpers", () => {
  it("names fields the way Conform does", () => {
    expect(fieldName(["milestones", 0, "dueOn"])).toBe("milestones[0].dueOn");
    expect(fieldName(["examDate"])).toBe("examDate");
    expect(fieldName([])).toBe("");
  });

  it("never reuses a focus key", () => {
    expect(newFocusKey([])).toBe("focus-1");
    expect(newFocusKey([{ key: "focus-1" }, { key: "focus-3" }])).toBe("focus-2");
  });

  it("turns the spacing rules' objections into messages", () => {
    const attempts = [
      { exam: "STEP1" as const, takenOn: "2026-01-10", outcome: "FAIL" as const },
      { exam: "STEP1" as const, takenOn: "2026-05-10", outcome: "FAIL" as const },
      { exam: "STEP1" as const, takenOn: "2026-09-10", outcome: "FAIL" as const },
    ];
    const messages = spacingViolations(attempts, "STEP1", "2026-11-30", null);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages[messages.length - 1]).toMatch(/earliest exam date the rules allow is 10 Mar 2027/);
    expect(spacingViolations(attempts, "STEP1", "2027-03-10", null)).toEqual([]);
    expect(spacingViolations(attempts, "STEP1", "not a date", null)).toEqual([]);
  });
});
