/**
 * Typed values that middleware hands to loaders and actions.
 */
import { createContext } from "react-router";
import type { Role } from "./domain/vocabulary";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  memberships: Array<{ schoolId: string; schoolName: string; role: Role }>;
}

export interface Auth {
  user: SessionUser;
  sessionId: string;
  /** How the session signed in (ADR 0016); absent means a password. */
  method?: "PASSWORD" | "SSO";
  /** For an SSO session: the school whose provider vouched for it (the only school it reaches). */
  ssoSchoolId?: string | null;
}

/** The signed-in user, or null; set by the root session middleware. */
export const authContext = createContext<Auth | null>(null);

/**
 * A session that has signed in but must still pass (verify) or set up (enrol)
 * a second factor (ADR 0017). It reaches nothing but the second-factor pages:
 * `authContext` stays null for it.
 */
export interface PendingSignIn {
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  step: "verify" | "enrol";
  /** The schools whose rule requires the second factor of this person. */
  requiredBy: string[];
}

export const pendingSignInContext = createContext<PendingSignIn | null>(null);

/** Per-request CSP nonce, shared by entry.server and the document. */
export const nonceContext = createContext<string>("");
