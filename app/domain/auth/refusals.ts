/** Refusals the sign-in, invitation and password-link pages share (docs/decisions/0015-one-refusal-convention.md). */
import { type Refusal, refuse } from "#app/domain/result";

/** The sign-in budget of the sender's network is spent. */
export const TOO_MANY_ATTEMPTS: Refusal = Object.freeze(
  refuse("LIMITED", "Too many attempts from this network. Wait a minute, then try again."),
);
