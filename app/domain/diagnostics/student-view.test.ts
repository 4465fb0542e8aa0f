import { describe, expect, it } from "vitest";
import { FINDING_KIND_IDS } from "#app/domain/vocabulary";
import { CHARACTERS } from "./analysis";
import { STUDENT_FINDING_WORDS, STUDENT_PRESENT_ONLY_WORDS, studentCharacterSummary, studentFindingWords } from "./student-view";

/** Words the student view must never use: alarming or blaming. */
const ALARMING = /\b(fail(ed|ure)?|danger|serious|severe|poor|bad|weak|deficien|warning|must|lazy|never pass)\b/i;

describe("student view of findings", () => {
  it("has words for every finding kind, and only those", () => {
    expect(Object.keys(STUDENT_FINDING_WORDS).sort()).toEqual([...FINDING_KIND_IDS].sort());
    for (const kind of FINDING_KIND_IDS) {
      const words = STUDENT_FINDING_WORDS[kind];
      expect(words.title.trim(), kind).not.toBe("");
      expect(words.meaning, kind).toMatch(/\.$/);
      expect(words.plan, kind).toMatch(/\bplan\b/);
    }
  });

  it("is supportive, never alarming", () => {
    for (const words of [...Object.values(STUDENT_FINDING_WORDS), STUDENT_PRESENT_ONLY_WORDS]) {
      for (const text of [words.title, words.meaning, words.plan]) expect(text).not.toMatch(ALARMING);
    }
  });

  it("says what the plan does about timing", () => {
    expect(studentFindingWords("TIMING").plan).toBe(
      "Pacing is a skill you can train: your plan has timed blocks in the exam's format every morning.",
    );
  });

  it("names the subjects of a content gap", () => {
    expect(studentFindingWords("CONTENT_GAP", ["Pathology", "Pharmacology"]).plan).toBe(
      "Your plan puts Pathology and Pharmacology first, with targeted review and active recall in the evenings.",
    );
    expect(studentFindingWords("CONTENT_GAP")).toBe(STUDENT_FINDING_WORDS.CONTENT_GAP);
    expect(studentFindingWords("TIMING", ["Pathology"])).toBe(STUDENT_FINDING_WORDS.TIMING);
  });
});

describe("student summary of the character", () => {
  it("has a supportive summary for every character", () => {
    for (const character of CHARACTERS) {
      const text = studentCharacterSummary(character);
      expect(text.length, character).toBeGreaterThan(40);
      expect(text, character).not.toMatch(ALARMING);
    }
  });

  it("names what mixes in a mixed failure", () => {
    expect(studentCharacterSummary("MIXED", ["STRATEGY", "METHOD"])).toMatch(/test-taking skills to train and a change in how you study/);
    expect(studentCharacterSummary("MIXED")).toMatch(/some subjects to rebuild and test-taking skills to train/);
  });
});
