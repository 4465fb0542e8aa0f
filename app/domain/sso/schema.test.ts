import { describe, expect, it } from "vitest";
import { emailDomain, issuerProblem, parseDomains, ssoFormSchema, twoFactorPolicySchema } from "./schema";

describe("issuer URLs", () => {
  it("must be https; plain http only for this machine, and only with the test flag", () => {
    expect(issuerProblem("https://login.microsoftonline.com/tenant/v2.0", false)).toBeNull();
    expect(issuerProblem("http://login.example.edu", false)).toMatch(/https/);
    expect(issuerProblem("http://localhost:4000", false)).toMatch(/https/);
    expect(issuerProblem("http://localhost:4000", true)).toBeNull();
    expect(issuerProblem("http://127.0.0.1:4000", true)).toBeNull();
    expect(issuerProblem("http://login.example.edu", true)).toMatch(/https/);
    expect(issuerProblem("ftp://x.example", true)).toMatch(/https/);
    expect(issuerProblem("not a url", false)).toMatch(/issuer URL/);
    expect(issuerProblem("https://user:pw@login.example.edu", false)).toMatch(/user name or password/);
    expect(issuerProblem("https://login.example.edu/?x=1", false)).toMatch(/no query/);
  });
});

describe("e-mail domains", () => {
  it("are read from a comma or space separated list, lower-cased, without @ and duplicates", () => {
    expect(parseDomains("Northfield.edu, @students.northfield.edu northfield.edu")).toEqual({
      domains: ["northfield.edu", "students.northfield.edu"],
      bad: [],
    });
    expect(parseDomains("ok.edu, not a domain!, -bad.edu").bad).toEqual(["not", "a", "domain!", "-bad.edu"]);
  });

  it("of an address", () => {
    expect(emailDomain("Ada@Students.Northfield.EDU")).toBe("students.northfield.edu");
    expect(emailDomain("no-at-sign")).toBe("");
  });
});

describe("the single sign-on form", () => {
  const base = { intent: "sso", expectedVersion: "3", issuer: "https://login.example.edu/", clientId: "id", domains: "example.edu" };
  const parse = (form: Record<string, string>, allowHttp = false) => ssoFormSchema(allowHttp).safeParse(form);

  it("turns on with an issuer, a client id and a domain; the issuer loses its trailing slash", () => {
    const parsed = parse({ ...base, ssoEnabled: "on" });
    expect(parsed.success && parsed.data).toMatchObject({
      ssoEnabled: true,
      issuer: "https://login.example.edu",
      domains: ["example.edu"],
      expectedVersion: 3,
    });
  });

  it("needs each part when turned on, and the rules only while it is on", () => {
    const missing = parse({ intent: "sso", expectedVersion: "0", ssoEnabled: "on" });
    expect(missing.success).toBe(false);
    const paths = missing.error?.issues.map((i) => i.path.join(".")).sort();
    expect(paths).toEqual(["clientId", "domains", "issuer"]);
    const rulesWhileOff = parse({ ...base, ssoRequiredForStaff: "on", ssoJitStudents: "on" });
    expect(rulesWhileOff.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["ssoJitStudents", "ssoRequiredForStaff"]);
  });

  it("can be saved off and empty", () => {
    expect(parse({ intent: "sso", expectedVersion: "0" }).success).toBe(true);
  });

  it("refuses too many domains and bad ones", () => {
    const many = Array.from({ length: 21 }, (_, i) => `d${i}.edu`).join(",");
    expect(parse({ ...base, domains: many }).success).toBe(false);
    expect(parse({ ...base, domains: "bad domain" }).success).toBe(false);
  });
});

describe("the two-factor requirement form", () => {
  it("takes one of the three choices", () => {
    expect(twoFactorPolicySchema.safeParse({ intent: "two-factor", expectedVersion: "0", twoFactorRequiredFor: "OFFICE" }).success).toBe(
      true,
    );
    expect(twoFactorPolicySchema.safeParse({ intent: "two-factor", expectedVersion: "0", twoFactorRequiredFor: "ALL" }).success).toBe(
      false,
    );
  });
});
