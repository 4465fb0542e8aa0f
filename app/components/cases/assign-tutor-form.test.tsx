import type { SubmissionResult } from "@conform-to/react";
import { createContext, useContext } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { describe, expect, it } from "vitest";
import { AssignTutorForm } from "./assign-tutor-form";

const tutors = [
  { id: "t1", name: "Tess Tutor" },
  { id: "t2", name: "Theo Tutor" },
];

type Props = Parameters<typeof AssignTutorForm>[0];
const PropsContext = createContext<Props>({ caseId: "c1", version: 3, tutors, lastResult: null });

function Harness() {
  return <AssignTutorForm {...useContext(PropsContext)} />;
}

const Stub = createRoutesStub([{ path: "/", Component: Harness }]);

function render(props: Partial<Props> = {}) {
  return renderToString(
    <PropsContext value={{ caseId: "c1", version: 3, tutors, lastResult: null, ...props }}>
      <Stub initialEntries={["/"]} />
    </PropsContext>,
  );
}

describe("AssignTutorForm", () => {
  it("posts the case, its version and the intent, and leaves the current tutor out of the choices", () => {
    const html = render({ currentTutorId: "t1" });
    expect(html).toContain('name="intent" value="assign"');
    expect(html).toContain('name="caseId" value="c1"');
    expect(html).toContain('name="expectedVersion" value="3"');
    expect(html).not.toContain("Tess Tutor");
    expect(html).toContain("Theo Tutor");
    expect(html).toContain("Reassign to");
  });

  it("shows a refusal next to its field, tied with aria-describedby, and keeps what was typed", () => {
    const lastResult: SubmissionResult<string[]> = {
      status: "error",
      initialValue: { intent: "assign", caseId: "c1", tutorId: "t2", reason: "Step 1 specialist", expectedVersion: "3" },
      error: { tutorId: ["Choose an active tutor who serves this school."] },
    };
    const html = render({ lastResult, error: "Someone else changed this case." });
    const select = /<select[^>]*>/.exec(html)?.[0] ?? "";
    const id = /id="([^"]+)"/.exec(select)?.[1];
    expect(id).toBeTruthy();
    expect(select).toContain('aria-invalid="true"');
    expect(select).toContain(`aria-describedby="${id}-error"`);
    expect(html).toContain(`<ul id="${id}-error" class="field-error"><li>Choose an active tutor who serves this school.</li></ul>`);
    expect(html).toMatch(/<option value="t2" selected="">Theo Tutor<\/option>/);
    expect(html).toMatch(/value="Step 1 specialist"/);
    expect(html).toContain("Someone else changed this case.");
  });
});
