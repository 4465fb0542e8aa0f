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
}

/** The signed-in user, or null; set by the root session middleware. */
export const authContext = createContext<Auth | null>(null);

/** Per-request CSP nonce, shared by entry.server and the document. */
export const nonceContext = createContext<string>("");
