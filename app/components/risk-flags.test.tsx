import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { RiskFlag } from "#app/domain/risk/engine";
import type { ReadinessResult } from "#app/domain/trajectory/readiness";
import { ReadinessGatePanel } from "./progress/readiness-gate";
import { TrajectoryRisksPanel } from "./progress/trajectory-risks";
import { RiskFlags } from "./risk-flags";

const flag = (severity: RiskFlag["severity"], code: RiskFlag["code"] = "SECOND_FAILURE"): RiskFlag => ({
  code,
  severity,
  reason: "Failed Step 1 twice.",
  source: "school-policy",
});

describe("one vocabulary for risk and readiness", () => {
  it("shows a flag's severity with the risk levels the trajectory panel uses", () => {
    const flags = [flag(4), flag(3, "THIRD_FAILURE")];
    const html = renderToString(<RiskFlags level="CRITICAL" flags={flags} summary="Two flags." />);
    const trajectory = renderToString(<TrajectoryRisksPanel flags={flags} />);
    for (const label of ["Critical", "High"]) {
      const badge = new RegExp(`<span class="badge [^"]+">${label}</span>`);
      expect(html).toMatch(badge);
      expect(trajectory).toMatch(badge);
    }
    expect(html).not.toMatch(/Serious|Watch/);
  });

  it("draws the readiness badge the caseload draws", () => {
    const readiness: ReadinessResult = { applicable: true, met: false, howFar: "1 more CBSSA needed", rules: [], summary: "" };
    const html = renderToString(<ReadinessGatePanel readiness={readiness} />);
    expect(html).toContain('<span class="badge bg-amber-100 text-amber-900">Not met</span>');
  });
});
