/**
 * The records an end-to-end test changes, created by the test itself: a
 * school of its own with its own people, made by the end-to-end server's
 * test-data endpoint (e2e/data-server.ts) through the same factories and
 * domain mutations as the integration tests and the demo seed. Tests that
 * only read use the demo data; none changes a demo record another test reads.
 *
 * Signing in through the form is tested on its own (foundation.spec.ts); other
 * tests start signed in with a session made as the sign-in action makes one.
 */
import { type Page, test } from "@playwright/test";
import type { DataMakers } from "./data-server";
import type { ACCOUNTS } from "./fixtures";

const DATA_PATH = "/__e2e/data";
const TOKEN_HEADER = "x-e2e-data-token";

type Made<K extends keyof DataMakers> = Awaited<ReturnType<DataMakers[K]>>;

async function make<K extends keyof DataMakers>(what: K, input: Parameters<DataMakers[K]>[0]): Promise<Made<K>> {
  const baseURL = test.info().project.use.baseURL as string;
  const response = await fetch(`${baseURL}${DATA_PATH}/${what}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", [TOKEN_HEADER]: process.env.E2E_DATA_TOKEN ?? "" },
    body: JSON.stringify(input),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`test data "${what}" failed (${response.status}): ${body.error}`);
  return body as Made<K>;
}

/**
 * A school of the test's own with an advisor, an admin, two tutors and a
 * student with an open Step 1 case (one failure): in the intake queue, or
 * taken by the tutor (DIAGNOSING); with `ownDomain`, its people's addresses
 * are at an e-mail domain of its own (`domain`, for single sign-on).
 */
export const schoolWithCase = (options: Parameters<DataMakers["schoolWithCase"]>[0] = {}) => make("schoolWithCase", options);

/** A school made as the operator makes one: its first admin (`adminEmail`) is mailed an activation link. */
export const operatorSchool = () => make("operatorSchool", {});

/** A school of the test's own that requires a second factor of advisors and admins, with an advisor invited by mail. */
export const twoFactorSchool = () => make("twoFactorSchool", {});

/**
 * A school of the test's own with an advisor and a tutor, and one student
 * whose case has reached `stage` as the demo students' have, up to yesterday.
 */
export const schoolWithStory = (
  stage: Parameters<DataMakers["schoolWithStory"]>[0]["stage"],
  options: Omit<Parameters<DataMakers["schoolWithStory"]>[0], "stage"> = {},
) => make("schoolWithStory", { stage, ...options });

/** A demo account (for tests that only read the demo data). */
export const demoUser = (email: (typeof ACCOUNTS)[keyof typeof ACCOUNTS]) => make("demoUser", { email });

/** A session note dated today. */
export const addNote = (input: Parameters<DataMakers["note"]>[0]) => make("note", input);

/** Starts `page`'s browser context signed in as `user`, with a session made as the sign-in action makes one. */
export async function signInAs(page: Page, user: { id: string }) {
  const baseURL = test.info().project.use.baseURL as string;
  const { token, expiresAt } = await make("session", { userId: user.id });
  await page.context().addCookies([
    {
      name: "rd_session",
      value: token,
      url: baseURL,
      httpOnly: true,
      sameSite: "Lax",
      expires: Math.floor(Date.parse(expiresAt) / 1000),
    },
  ]);
}
