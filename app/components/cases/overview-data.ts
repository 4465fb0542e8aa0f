/** What the case overview's panels read: the overview's loader data, as the server builds it. */
import type { loadCaseOverview } from "#app/domain/cases/overview.server";

export type CaseOverviewData = Awaited<ReturnType<typeof loadCaseOverview>>;
