import { renderToString } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { TargetDateForm } from "./target-date-form";

/** The form needs a data router (its Form and useNavigation). */
function render(element: React.ReactNode): string {
  return renderToString(<RouterProvider router={createMemoryRouter([{ path: "/", element }])} />);
}

describe("the target exam date form", () => {
  it("shows the saved date, no earlier than today, with the case's version", () => {
    const html = render(<TargetDateForm version={4} targetExamDate="2031-05-02" today="2031-01-10" lastResult={null} error={null} />);
    expect(html).toMatch(/<label[^>]*>Target exam date<\/label>/);
    expect(html).toMatch(/<input[^>]*type="date"[^>]*value="2031-05-02"/);
    expect(html).toContain('min="2031-01-10"');
    expect(html).toContain('name="expectedVersion" value="4"');
    expect(html).toContain('name="intent" value="target"');
  });

  it("keeps a refused date with its error next to the field, and a refusal of the whole form beside it", () => {
    const html = render(
      <TargetDateForm
        version={4}
        targetExamDate={null}
        today="2031-01-10"
        lastResult={{ initialValue: { targetExamDate: "2031-01-02" }, error: { targetExamDate: ["Choose a date from today on."] } }}
        error="Someone changed this case meanwhile."
      />,
    );
    expect(html).toMatch(/<input[^>]*value="2031-01-02"[^>]*aria-invalid="true"|<input[^>]*aria-invalid="true"[^>]*value="2031-01-02"/);
    expect(html).toContain("Choose a date from today on.");
    expect(html).toMatch(/role="alert"[^>]*>.*Someone changed this case meanwhile\./);
  });
});
