/**
 * Reference lists the plan generator picks from: question banks, targeted
 * resources per content area, and measures per diagnosed finding (seed 002:
 * change resources, study actively, manage anxiety and well-being). Plain data
 * so the list can be edited (or moved to school settings) without touching the
 * generator. Every entry says why, and that reason reaches the plan.
 */
import { CONTENT_AREAS, RETAKE_EXAM_IDS, type RetakeExamId } from "#app/domain/reference";
import type { FindingKind } from "#app/domain/vocabulary";

interface QuestionBank {
  id: string;
  /** As shown in the plan, e.g. "AMBOSS Qbank". */
  name: string;
  exams: readonly RetakeExamId[];
  /** Lower-case words that identify it in what the student says they used before. */
  aliases: readonly string[];
  /** Can serve as the primary bank for daily timed blocks. */
  primary: boolean;
  why: string;
}

/** In order of preference when a new bank is suggested. */
export const QUESTION_BANKS: readonly QuestionBank[] = [
  {
    id: "uworld",
    name: "UWorld Qbank",
    exams: RETAKE_EXAM_IDS,
    aliases: ["uworld", "u world", "uw qbank"],
    primary: true,
    why: "its explanations teach the reasoning behind each answer and each distractor",
  },
  {
    id: "amboss",
    name: "AMBOSS Qbank",
    exams: RETAKE_EXAM_IDS,
    aliases: ["amboss"],
    primary: true,
    why: "it tests the same concepts in a different style, and its linked library makes reviewing each miss quick",
  },
  {
    id: "usmle-rx",
    name: "USMLE-Rx Qmax",
    exams: RETAKE_EXAM_IDS,
    aliases: ["usmle rx", "usmlerx", "qmax"],
    primary: true,
    why: "its questions follow First Aid closely, which helps close content gaps fact by fact",
  },
  {
    id: "kaplan",
    name: "Kaplan Qbank",
    exams: RETAKE_EXAM_IDS,
    aliases: ["kaplan"],
    primary: true,
    why: "a different item writer's style shows whether knowledge transfers beyond familiar questions",
  },
  {
    id: "truelearn",
    name: "TrueLearn SmartBank",
    exams: RETAKE_EXAM_IDS,
    aliases: ["truelearn", "true learn", "smartbank"],
    primary: true,
    why: "fresh questions with performance analytics by topic",
  },
  {
    id: "boardvitals",
    name: "BoardVitals",
    exams: RETAKE_EXAM_IDS,
    aliases: ["boardvitals", "board vitals"],
    primary: true,
    why: "fresh questions in a different style",
  },
  {
    id: "nbme-practice",
    name: "NBME practice materials",
    exams: RETAKE_EXAM_IDS,
    aliases: ["nbme"],
    primary: false,
    why: "written by the exam's own item writers: the closest to test-day style, kept for milestones rather than daily blocks",
  },
];

export interface TargetedResource {
  id: string;
  name: string;
  /**
   * Content-area id prefixes it serves (reference/content-areas.ts ids such as
   * "step1.discipline.microbiology"); "step1" alone serves every Step 1 area.
   * The most specific prefix wins.
   */
  areaPrefixes: readonly string[];
  aliases: readonly string[];
  why: string;
}

/** In order of preference among resources of equal specificity. */
export const TARGETED_RESOURCES: readonly TargetedResource[] = [
  // Step 1 disciplines
  {
    id: "sketchy-micro",
    name: "Sketchy Microbiology",
    areaPrefixes: ["step1.discipline.microbiology"],
    aliases: ["sketchy micro", "sketchymicro", "sketchy"],
    why: "visual mnemonics make the many organisms and their features stick",
  },
  {
    id: "sketchy-pharm",
    name: "Sketchy Pharmacology",
    areaPrefixes: ["step1.discipline.pharmacology"],
    aliases: ["sketchy pharm", "sketchypharm", "sketchy"],
    why: "drug mechanisms and side effects are remembered as scenes rather than lists",
  },
  {
    id: "pathoma",
    name: "Pathoma",
    areaPrefixes: ["step1.discipline.pathology"],
    aliases: ["pathoma"],
    why: "concise pathology foundations; pathology is the largest Step 1 discipline",
  },
  {
    id: "costanzo",
    name: "BRS Physiology (Costanzo)",
    areaPrefixes: ["step1.discipline.physiology"],
    aliases: ["costanzo", "brs physiology", "brs physio"],
    why: "explains physiology mechanisms step by step, with questions after each chapter",
  },
  {
    id: "pixorize",
    name: "Pixorize Biochemistry",
    areaPrefixes: ["step1.discipline.biochemistry"],
    aliases: ["pixorize"],
    why: "visual mnemonics for pathways and enzyme deficiencies",
  },
  {
    id: "boards-and-beyond",
    name: "Boards and Beyond",
    areaPrefixes: [
      "step1.system",
      "step1.discipline.pharmacology",
      "step1.discipline.microbiology",
      "step1.discipline.physiology",
      "step1.discipline.biochemistry",
      "step1.discipline.immunology",
      "step1.discipline.genetics",
      "step1.discipline.histology",
      "step1.discipline.gross-anatomy",
      "step1.discipline.behavioral-sciences",
      "step1.task",
    ],
    aliases: ["boards and beyond", "boards & beyond", "b&b", "bnb"],
    why: "short videos by system and subject, each followed by questions; watch only those for the weak areas",
  },
  {
    id: "uworld-biostats",
    name: "UWorld Biostatistics Review",
    areaPrefixes: ["step1.system.biostatistics", "step2ck.system.biostatistics", "step3.system.biostatistics"],
    aliases: ["uworld biostat", "uworld biostatistics"],
    why: "works through the calculations and study designs the exam asks about, with practice items",
  },
  {
    id: "first-aid-step1",
    name: "First Aid for the USMLE Step 1",
    areaPrefixes: ["step1"],
    aliases: ["first aid", "fa step 1", "fa 20"],
    why: "one reference to annotate with every missed concept, so review has a single home",
  },
  // Step 2 CK
  {
    id: "pestana",
    name: "Dr. Pestana's Surgery Notes",
    areaPrefixes: ["step2ck.discipline.surgery"],
    aliases: ["pestana"],
    why: "short, management-focused surgery review",
  },
  {
    id: "holliday-obgyn",
    name: "Emma Holliday Ramahi's Ob/Gyn review",
    areaPrefixes: ["step2ck.discipline.obgyn", "step2ck.system.pregnancy"],
    aliases: ["emma holliday", "holliday"],
    why: "a compact, high-yield walk through obstetrics and gynecology",
  },
  {
    id: "online-meded",
    name: "Online MedEd",
    areaPrefixes: ["step2ck", "step3"],
    aliases: ["online meded", "onlinemeded", "omm"],
    why: "clinical frameworks for diagnosis and the next best step across disciplines",
  },
  {
    id: "divine-intervention",
    name: "Divine Intervention podcasts",
    areaPrefixes: ["step2ck"],
    aliases: ["divine intervention", "divine"],
    why: "audio reviews of high-yield topics for time away from the desk",
  },
  // Step 3
  {
    id: "uworld-ccs",
    name: "UWorld CCS cases",
    areaPrefixes: ["step3"],
    aliases: ["uworld ccs", "ccs cases"],
    why: "Step 3's second day includes computer-based case simulations; practice cases teach the software and the order of management",
  },
  {
    id: "master-the-boards-step3",
    name: "Master the Boards: USMLE Step 3",
    areaPrefixes: ["step3"],
    aliases: ["master the boards", "mtb"],
    why: "concise, management-focused review of the Step 3 outline",
  },
];

/** Always suggested: new cards from missed questions (seed 002). */
export const FLASHCARD_RESOURCE = {
  name: "Anki: new cards from missed questions",
  reason:
    "cards written from the new bank's misses keep review active and aimed at current weaknesses; re-reading an old deck builds familiarity, not recall",
} as const;

interface MeasureTemplate {
  id: string;
  title: string;
  /**
   * What to do. Placeholders filled from the exam format in force on the exam
   * date: {exam}, {blocks}, {blockMinutes}, {items}, {secondsPerItem}.
   */
  description: string;
  why: string;
}

/** Each measure once; findings point at them by id. */
export const MEASURES: readonly MeasureTemplate[] = [
  {
    id: "simulated-test-day",
    title: "Simulated test days",
    description:
      "At least twice, sit a full {exam} day: {blocks} timed blocks of {blockMinutes} minutes with up to {items} items each, starting at the exam's start time, with the same breakfast, breaks and clothes, away from the usual desk.",
    why: "Rehearsing the whole day makes the real one familiar, which takes away much of the fear of the unknown and builds stamina.",
  },
  {
    id: "box-breathing",
    title: "Box breathing",
    description:
      "Practise daily and whenever panic rises in a block: breathe in for 4, hold for 4, breathe out for 4, hold for 4; repeat three or four times.",
    why: "It slows the heart rate and pulls the mind out of fight-or-flight within seconds, in the seat, unnoticed.",
  },
  {
    id: "counselling-referral",
    title: "Counselling referral",
    description:
      "Offer a referral to the school's counselling or wellness service early in the plan, and a daily 5-minute mindfulness or visualisation routine.",
    why: "Anxiety that blanks known answers needs its own treatment; content review alone will not fix it.",
  },
  {
    id: "fixed-sleep",
    title: "Fixed sleep schedule",
    description:
      "Go to bed and wake at the same times every day, waking at the time the exam day needs; protect 7–9 hours; no studying in the last hour before bed.",
    why: "Sleep consolidates what was learned, and a fixed rhythm makes the exam-day wake-up normal.",
  },
  {
    id: "daily-basics",
    title: "Meals, movement and a day off",
    description: "Regular meals, a daily walk or exercise, and the protected rest day kept free of studying.",
    why: "Burnout undoes study time; the basics keep the student able to learn for weeks.",
  },
  {
    id: "health-check",
    title: "Health check before fixing the date",
    description:
      "Agree with the student a check with their physician or student health service before the exam date is final, and build a buffer week into the plan.",
    why: "An untreated health problem can undo the preparation; a buffer avoids a rushed retake if it flares.",
  },
  {
    id: "accommodations",
    title: "Ask about test accommodations",
    description:
      "If a diagnosed condition limits testing, the student may request accommodations (NBME Disability Services; ECFMG for international graduates); the student must make the request, and it adds weeks to registration.",
    why: "School accommodations do not transfer automatically, and the request has to be in before the exam is scheduled.",
  },
  {
    id: "family-hours",
    title: "Protected study hours at home",
    description:
      "Agree fixed study hours and the rest day with family; review the load at each weekly check-in and consider postponing the exam if it cannot hold.",
    why: "Interruptions break the daily rhythm; agreed hours make the plan realistic.",
  },
  {
    id: "financial-aid",
    title: "Financial-aid referral",
    description:
      "Refer the student to the financial-aid office; use free resources (USMLE sample items, shared flashcard decks) before buying new ones; know the rescheduling deadlines and fees before booking.",
    why: "Money worries and fees for a moved exam add pressure that the plan can reduce.",
  },
  {
    id: "dedicated-time",
    title: "Dedicated study time away from clerkships",
    description:
      "Ask the school about a dedicated study period or a deceleration pathway; if the student stays on a rotation, keep the timed blocks and shorten the review.",
    why: "Clerkship hours leave little for review, and a plan that does not fit the week will not be followed.",
  },
  {
    id: "deadline-map",
    title: "Map the deadlines",
    description:
      "With the advisor, set the exam date against visa, application and graduation deadlines, allowing for the weeks until the result is reported.",
    why: "A deadline chosen under pressure tempts a rushed retake; knowing the real latest date avoids it.",
  },
  {
    id: "strict-pacing",
    title: "Test-day pacing in every block",
    description:
      "Every block timed at test-day pace ({blockMinutes} minutes for up to {items} items, about {secondsPerItem} seconds an item); at half time, half the items done; mark and move on after one pass.",
    why: "Pacing is a skill built by practising it daily, not by knowing more.",
  },
  {
    id: "stamina-building",
    title: "Build up to a full day",
    description: "Do blocks back to back, adding one each week, and sit the weekly full-length exam without extra breaks.",
    why: "Scores fall in the last blocks when stamina is short; the body needs to rehearse the length.",
  },
  {
    id: "read-the-question",
    title: "Read the question first",
    description:
      "Read the last sentence (the question) before the stem, note the key findings as you read, and keep a log of every misread question with what was missed.",
    why: "Misreading loses points the student already knows; a log shows the pattern.",
  },
  {
    id: "explain-answers",
    title: "Explain every answer",
    description:
      "In review, say or write why the right answer is right and why each distractor is wrong, and practise the next-best-step question for each vignette.",
    why: "Reasoning errors show up only when the thinking is spelled out.",
  },
  {
    id: "active-recall",
    title: "Active recall instead of re-reading",
    description: "Replace re-watching and re-reading with questions and flashcards; every study session ends with self-testing.",
    why: "Retrieval builds the memory the exam asks for; recognition only feels like learning.",
  },
  {
    id: "review-depth",
    title: "Fewer blocks, deeper review",
    description:
      "Give review at least twice the time of the block; log each miss with its reason (knowledge, misreading, reasoning, timing) before doing more questions.",
    why: "A question bank teaches through its explanations; blasting blocks for volume skips the learning.",
  },
  {
    id: "weekly-simulation",
    title: "Weekly full-length simulation",
    description: "Sit the weekly full-length practice exam under test-day timing, in one sitting, in the {exam} block format.",
    why: "Short untimed sets do not build the stamina or pacing of an eight-hour day.",
  },
  {
    id: "one-source",
    title: "One question bank, one source per subject",
    description: "Keep one primary question bank and one content source per weak subject; set the rest aside until after the exam.",
    why: "Too many resources spread knowledge a mile wide and an inch deep.",
  },
  {
    id: "resource-switch",
    title: "Change the resource that did not work",
    description:
      "Replace the main resource that did not click with one in a different format (video, text, questions), and check after two weeks.",
    why: "Using the same resources again tends to give the same result.",
  },
];

/**
 * Which measures each finding calls for. Content gaps have none here: they
 * shape the focus areas and targeted resources instead.
 */
export const MEASURES_BY_FINDING: Record<FindingKind, readonly string[]> = {
  CONTENT_GAP: [],
  MISREADING: ["read-the-question"],
  REASONING: ["explain-answers"],
  TIMING: ["strict-pacing"],
  STAMINA: ["stamina-building", "simulated-test-day"],
  PASSIVE_REVIEW: ["active-recall"],
  QBANK_VOLUME: ["review-depth"],
  NO_SIMULATION: ["weekly-simulation", "simulated-test-day"],
  RESOURCE_OVERLOAD: ["one-source"],
  RESOURCE_MISMATCH: ["resource-switch"],
  TEST_ANXIETY: ["simulated-test-day", "box-breathing", "counselling-referral"],
  SLEEP_WELLBEING: ["fixed-sleep", "daily-basics"],
  HEALTH: ["health-check", "accommodations"],
  FAMILY: ["family-hours"],
  FINANCES: ["financial-aid"],
  CLERKSHIP_LOAD: ["dedicated-time"],
  VISA_TIMELINE: ["deadline-map"],
};

export function measureTemplate(id: string): MeasureTemplate {
  const found = MEASURES.find((m) => m.id === id);
  if (!found) throw new RangeError(`Unknown measure ${id}`);
  return found;
}

/** Fills {name} placeholders; an unknown placeholder is left visible so a test catches it. */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** Lower-case words only, so "UWorld (Step 1)" and "uworld step 1" compare equal. */
export function normalizeResourceName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " & ")
    .replace(/[^a-z0-9&]+/g, " ")
    .trim();
}

/** Whether `used` (as the student wrote it) names something with one of these aliases. */
export function mentions(used: string, aliases: readonly string[]): boolean {
  const words = ` ${normalizeResourceName(used)} `;
  return aliases.some((alias) => {
    const a = normalizeResourceName(alias);
    return a !== "" && words.includes(` ${a} `);
  });
}

/** Whether any of the previously used resources names this one (by alias or full name). */
export function usedBefore(previous: readonly string[], resource: { name: string; aliases: readonly string[] }): boolean {
  return previous.some((p) => mentions(p, [...resource.aliases, resource.name]));
}

/** The exam prefixes content-area ids start with ("step1", "step2ck", "step3"), from the reference data. */
const AREA_ID_PREFIXES: ReadonlySet<string> = new Set(CONTENT_AREAS.map((a) => a.id.split(".")[0]));

/** Content-area ids in a focus key ("cluster:step1.discipline.pharmacology" holds one). */
export function areaIdsInKey(key: string): string[] {
  return key.split(/[\s:|,;/]+/).filter((part) => AREA_ID_PREFIXES.has(part.split(".")[0]));
}

/** Length of the longest prefix of `resource` matching one of `areaIds`, or 0. */
function matchSpecificity(resource: TargetedResource, areaIds: readonly string[]): number {
  let best = 0;
  for (const prefix of resource.areaPrefixes) {
    for (const id of areaIds) {
      if ((id === prefix || id.startsWith(`${prefix}.`)) && prefix.length > best) best = prefix.length;
    }
  }
  return best;
}

/** Targeted resources for some areas, most specific first, list order breaking ties. */
export function targetedResourcesFor(areaIds: readonly string[]): TargetedResource[] {
  return TARGETED_RESOURCES.map((resource, index) => ({ resource, index, score: matchSpecificity(resource, areaIds) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((r) => r.resource);
}
