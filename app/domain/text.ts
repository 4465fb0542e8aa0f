/** Small text helpers for the sentences the domain and the pages write. */

/** "1 score", "2 scores", "1 child" / "2 children" with an explicit plural. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c" (or "or" as the last joiner). */
export function joinWords(items: readonly string[], last: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A clause as a sentence: capitalized, with a full stop; empty stays empty. */
export function sentence(text: string): string {
  return text ? `${capitalize(text)}.` : "";
}

/** Blank form fields ("" or only spaces, or absent) mean "not given". */
export function blankToUndefined(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" && value.trim() === "") return undefined;
  return value;
}

const ordinalSuffix = (n: number): string => {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return "th";
  return ["th", "st", "nd", "rd"][n % 10] ?? "th";
};

/** "1st", "2nd", "4th" — attempt numbers as tutors say them. */
export function ordinal(n: number): string {
  return `${n}${ordinalSuffix(n)}`;
}
