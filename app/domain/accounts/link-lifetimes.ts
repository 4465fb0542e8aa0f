/** How long each kind of mailed link works (ADR 0012); safe for pages to show. */
export const INVITATION_TTL_DAYS = 7;
export const ACTIVATION_TTL_DAYS = 7;
export const RESET_TTL_MINUTES = 60;
