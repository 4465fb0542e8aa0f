/**
 * The longest saved view name, in a module without Zod: the "Save this view"
 * form's `maxLength` (app/components/caseload/saved-views.tsx), so the
 * caseload's bundle carries no schema library (as
 * for sign-in: app/domain/auth/constraints.ts). The server still checks
 * everything with saveViewSchema (./saved-views.ts).
 */
export const SAVED_VIEW_NAME_MAX = 60;
