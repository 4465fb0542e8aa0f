import { index, layout, prefix, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  route("healthz", "routes/resources/healthz.ts"),
  route("login", "routes/auth/login.tsx"),
  route("logout", "routes/auth/logout.tsx"),
  route("invite/:token", "routes/auth/invite.tsx"),
  route("cases/export.csv", "routes/resources/cases-export.ts"),
  route("cases/:caseId/calendar.ics", "routes/resources/plan-calendar.ts"),
  route("office/import/templates/:kind", "routes/resources/import-template.ts"),
  route("me/record.json", "routes/resources/my-record.ts"),
  layout("routes/app/layout.tsx", [
    index("routes/app/home.tsx"),
    route("notifications", "routes/app/notifications.tsx"),
    route("cases", "routes/app/cases/index.tsx"),
    route("queue", "routes/app/queue/index.tsx"),
    route("attempts/new", "routes/app/attempts/new.tsx"),
    route("cases/:caseId", "routes/app/cases/case.tsx", [
      index("routes/app/cases/overview.tsx"),
      route("diagnostics", "routes/app/cases/diagnostics.tsx"),
      route("plan", "routes/app/cases/plan.tsx"),
      route("progress", "routes/app/cases/progress.tsx"),
      route("notes", "routes/app/cases/notes.tsx"),
      route("escalations", "routes/app/cases/escalations.tsx"),
    ]),
    route("cases/:caseId/plan/print", "routes/app/cases/plan-print.tsx"),
    route("office", "routes/app/office/dashboard.tsx"),
    route("office/escalations", "routes/app/office/escalations.tsx"),
    route("office/import", "routes/app/office/import.tsx"),
    route("office/disclosures", "routes/app/office/disclosures.tsx"),
    route("me/record", "routes/app/me/record.tsx"),
    ...prefix("admin", [
      route("users", "routes/app/admin/users.tsx"),
      route("settings", "routes/app/admin/settings.tsx"),
      route("access-log", "routes/app/admin/access-log.tsx"),
    ]),
  ]),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
