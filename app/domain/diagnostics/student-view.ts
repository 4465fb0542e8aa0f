/**
 * What the student reads about the findings shared with them.
 * The tone follows the seeds: a failure is a setback with lessons in it, every
 * finding is something the plan can work on, and each entry says the next step.
 * Never alarming, never blaming; sensitive topics offer support, not verdicts.
 */

import { joinWords } from "#app/domain/text";
import type { FindingKind } from "#app/domain/vocabulary";
import type { Character, CharacterFamily } from "./analysis";

interface StudentFindingWords {
  /** A friendly heading (not the tutor's clinical label). */
  title: string;
  /** What the finding means, in plain words. */
  meaning: string;
  /** What the plan does about it. */
  plan: string;
}

/** One entry per finding kind; the test keeps it complete. */
export const STUDENT_FINDING_WORDS: Record<FindingKind, StudentFindingWords> = {
  CONTENT_GAP: {
    title: "Subjects to rebuild",
    meaning: "Some subjects were not solid yet on exam day. That is the most fixable part of a retake.",
    plan: "Your plan puts these subjects first, with targeted review and active recall in the evenings.",
  },
  MISREADING: {
    title: "Reading the question",
    meaning: "Some points slipped away because a key detail in the question was missed, not because you didn't know the answer.",
    plan: "Your plan's review sessions practise spotting the key clue and what is really being asked, until it becomes a habit.",
  },
  REASONING: {
    title: "Applying what you know",
    meaning: "Knowing the facts and applying them to a patient are two different skills, and the second one can be practised.",
    plan: "Your plan's afternoon reviews walk through why the right answer is right and why the others are not, building step-by-step reasoning.",
  },
  TIMING: {
    title: "Pacing",
    meaning: "Running short on time cost you questions you could have answered.",
    plan: "Pacing is a skill you can train: your plan has timed blocks in the exam's format every morning.",
  },
  STAMINA: {
    title: "Staying sharp all day",
    meaning: "A full exam day is long, and focus dipping late in the day is common and trainable.",
    plan: "Your plan has a full-length practice exam on Saturdays to build your endurance, and you will rehearse your break routine too.",
  },
  PASSIVE_REVIEW: {
    title: "Studying actively",
    meaning: "Re-reading and watching videos feels productive, but testing yourself makes knowledge stick much better.",
    plan: "Your plan switches your evenings to active recall: flashcards and questions that make you retrieve what you learned.",
  },
  QBANK_VOLUME: {
    title: "Learning from every question",
    meaning: "Questions teach the most in the review, not in how many you get through.",
    plan: "Your plan has each morning's blocks reviewed in depth in the afternoon, so every question counts.",
  },
  NO_SIMULATION: {
    title: "Practising the real thing",
    meaning: "Short untimed blocks are different from a full exam day; rehearsing it makes the real one feel familiar.",
    plan: "Full-length timed practice exams are built into your plan: one at the start, one at the midpoint and one shortly before your exam.",
  },
  RESOURCE_OVERLOAD: {
    title: "Fewer resources, used well",
    meaning: "Many resources at once spread your time thin; a few, used thoroughly, work better.",
    plan: "Your plan names a small set of core resources and what each one is for.",
  },
  RESOURCE_MISMATCH: {
    title: "Resources that fit",
    meaning: "Some of your resources did not match this exam or the way you learn best.",
    plan: "Your plan swaps in resources matched to this exam and to the subjects you are rebuilding.",
  },
  TEST_ANXIETY: {
    title: "Feeling calm on exam day",
    meaning: "Nerves on exam day are very common, and you can prepare for them like any other skill.",
    plan: "Your plan includes a short daily calming routine and a rehearsed test-day routine, and support is there whenever you would like to talk.",
  },
  SLEEP_WELLBEING: {
    title: "Rest and well-being",
    meaning: "Sleep and rest are part of preparation: a rested mind remembers and reasons better.",
    plan: "Your plan protects a rest day every week and keeps study hours realistic.",
  },
  HEALTH: {
    title: "Looking after your health",
    meaning: "Your health comes first, and it shapes what a realistic plan looks like.",
    plan: "Your plan's pace and exam date take your health into account, and your tutor will adjust them with you if things change.",
  },
  FAMILY: {
    title: "Family commitments",
    meaning: "Family responsibilities take time and energy, and it is fine to plan around them.",
    plan: "Your plan's weekly rhythm is built around these commitments, and your tutor can rework it with you whenever needed.",
  },
  FINANCES: {
    title: "Financial pressure",
    meaning: "Money worries add real pressure during preparation, and you don't have to carry them alone.",
    plan: "Your plan keeps resource costs in mind, and your school's office can tell you about support that may help.",
  },
  CLERKSHIP_LOAD: {
    title: "Studying alongside rotations",
    meaning: "Clinical rotations leave less time and energy for study, which is a matter of planning, not ability.",
    plan: "Your plan fits study around your rotations with realistic daily goals.",
  },
  VISA_TIMELINE: {
    title: "Your timeline",
    meaning: "Visa or application dates add pressure, and a clear timeline takes some of it away.",
    plan: "Your exam date and plan are set with these dates in mind, so you know the path from the start.",
  },
};

/**
 * The words for one finding. For a content gap, pass the names of the linked
 * areas so the student sees which subjects come first.
 */
export function studentFindingWords(kind: FindingKind, areaNames: readonly string[] = []): StudentFindingWords {
  const words = STUDENT_FINDING_WORDS[kind];
  if (kind !== "CONTENT_GAP" || areaNames.length === 0) return words;
  return {
    ...words,
    plan: `Your plan puts ${joinWords(areaNames)} first, with targeted review and active recall in the evenings.`,
  };
}

/**
 * What the student sees of a sensitive finding that was not shared with them
 * but is marked "present": an invitation to talk, no details.
 */
export const STUDENT_PRESENT_ONLY_WORDS: StudentFindingWords = {
  title: "Something to talk through",
  meaning: "Your tutor noted something about how things are going outside your studies.",
  plan: "It is taken into account in your plan, and you can talk it through with your tutor whenever you like.",
};

const FAMILY_PHRASES: Record<CharacterFamily, string> = {
  CONTENT: "some subjects to rebuild",
  STRATEGY: "test-taking skills to train",
  METHOD: "a change in how you study",
};

/** A short, supportive summary of the failure's character for the student. */
export function studentCharacterSummary(character: Character, families: readonly CharacterFamily[] = []): string {
  switch (character) {
    case "CONTENT":
      return "Your results point mainly to specific subjects that need rebuilding. That makes the way forward clear: your plan targets those subjects first.";
    case "STRATEGY":
      return "Much of your knowledge is already there; what held you back was how the exam went on the day. Test-taking skills can be trained, and your plan practises them every day.";
    case "METHOD":
      return "Your effort was real, but the way you studied did not turn it into results. Your plan changes how you study, not just how much.";
    case "MIXED": {
      const parts = families.length > 1 ? families.map((f) => FAMILY_PHRASES[f]) : [FAMILY_PHRASES.CONTENT, FAMILY_PHRASES.STRATEGY];
      return `A few things came together: ${joinWords(parts)}. Each of them is workable, and your plan works on them side by side.`;
    }
    case "UNCLEAR":
      return "Your tutor is still putting the picture together with you. Once it is ready, you will see here what your plan focuses on.";
  }
}
