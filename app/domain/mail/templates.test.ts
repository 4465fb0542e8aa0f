import { describe, expect, it } from "vitest";
import { digestLines, digestWeek } from "./digest";
import { escapeHtml, invitationMail, passwordResetMail, weeklyDigestMail } from "./templates";

describe("mail templates", () => {
  it("say the same in text and HTML, with the link in both", () => {
    const mail = invitationMail({
      schoolName: "Northfield",
      roleLabel: "Tutor",
      inviterName: "Alex Morgan",
      url: "https://rd.example/invite/abc",
      days: 7,
    });
    expect(mail.subject).toBe("Invitation to Northfield on Retake Desk");
    expect(mail.text).toContain("Alex Morgan invited you to join Northfield as tutor.");
    expect(mail.text).toContain("https://rd.example/invite/abc");
    expect(mail.html).toContain('<a href="https://rd.example/invite/abc"');
    expect(mail.html).toContain("Accept the invitation</a>");
    expect(mail.html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(mail.html).toContain("<title>Invitation to Northfield on Retake Desk</title>");
    expect(mail.html).toContain("<h1");
  });

  it("escape what people typed", () => {
    expect(escapeHtml(`<b>"O'Hara" & co</b>`)).toBe("&lt;b&gt;&quot;O&#39;Hara&quot; &amp; co&lt;/b&gt;");
    const mail = passwordResetMail({ name: "<script>alert(1)</script>", url: "https://rd.example/reset-password/x", minutes: 60 });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.text).toContain("<script>alert(1)</script>");
  });

  it("list the digest's lines", () => {
    const mail = weeklyDigestMail({
      name: "Priya",
      weekLabel: "23 Nov 2026",
      lines: ["2 check-ins"],
      caseCount: 1,
      url: "u",
      accountUrl: "a",
    });
    expect(mail.text).toContain("- 2 check-ins");
    expect(mail.text).toContain("1 of your cases");
    expect(mail.html).toContain("<ul><li>2 check-ins</li></ul>");
  });
});

describe("digest content", () => {
  it("counts by kind in words, most frequent first, with the rest as other updates", () => {
    expect(
      digestLines([
        { kind: "CHECK_IN", count: 1 },
        { kind: "PRACTICE_LOGGED", count: 3 },
        { kind: "SOMETHING_NEW", count: 2 },
        { kind: "ALSO_NEW", count: 1 },
        { kind: "PLAN_ADJUSTED", count: 0 },
      ]),
    ).toEqual(["3 practice exams logged", "1 weekly check-in", "3 other updates"]);
    expect(digestLines([])).toEqual([]);
  });

  it("covers the Monday-to-Sunday week before the week it is sent in", () => {
    expect(digestWeek("2026-12-02")).toEqual({
      weekOf: "2026-11-23",
      from: new Date("2026-11-23T00:00:00.000Z"),
      to: new Date("2026-11-30T00:00:00.000Z"),
    });
    expect(digestWeek("2026-11-30").weekOf).toBe("2026-11-23");
  });
});
