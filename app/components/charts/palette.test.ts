import { describe, expect, it } from "vitest";
import { CASE_OUTCOMES, CASE_STATUSES } from "#app/domain/vocabulary";
import { colourDistance, OUTCOME_STYLES, type SeriesStyle, STATUS_STYLES, VISION_SIMULATIONS, type Vision } from "./palette";

/** Below this ΔE two bar colours are easily confused (the old Active and Ready were about 16 apart). */
const MIN_DISTANCE = 18;

function closestPair(styles: Record<string, SeriesStyle>, vision: Vision) {
  const keys = Object.keys(styles);
  let closest = { pair: "", distance: Number.POSITIVE_INFINITY };
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const distance = colourDistance(styles[keys[i]].color, styles[keys[j]].color, vision);
      if (distance < closest.distance) closest = { pair: `${keys[i]}/${keys[j]}`, distance };
    }
  }
  return closest;
}

describe("chart series styles", () => {
  it("gives every case status a colour clearly apart from the others, also for protanopia and deuteranopia", () => {
    expect(Object.keys(STATUS_STYLES).sort()).toEqual([...CASE_STATUSES].sort());
    for (const vision of Object.keys(VISION_SIMULATIONS) as Vision[]) {
      const { pair, distance } = closestPair(STATUS_STYLES, vision);
      expect(distance, `${pair} (${vision})`).toBeGreaterThanOrEqual(MIN_DISTANCE);
    }
    expect(colourDistance(STATUS_STYLES.ACTIVE.color, STATUS_STYLES.READY.color, "deuteranopia")).toBeGreaterThan(MIN_DISTANCE);
  });

  it("gives every status and every outcome its own pattern, so colour is never the only difference", () => {
    for (const styles of [STATUS_STYLES, OUTCOME_STYLES]) {
      const patterns = Object.values(styles).map((s) => s.pattern);
      expect(new Set(patterns).size).toBe(patterns.length);
    }
    expect(Object.keys(OUTCOME_STYLES).sort()).toEqual([...CASE_OUTCOMES].sort());
    for (const vision of Object.keys(VISION_SIMULATIONS) as Vision[]) {
      expect(closestPair(OUTCOME_STYLES, vision).distance, vision).toBeGreaterThanOrEqual(MIN_DISTANCE);
    }
  });

  it("measures the colours the dashboard used to use for Active and Ready as too close", () => {
    expect(colourDistance("#047857", "#0f766e")).toBeLessThan(MIN_DISTANCE);
    expect(colourDistance("#000000", "#ffffff")).toBeGreaterThan(99);
  });
});
