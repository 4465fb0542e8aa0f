import { data } from "react-router";
import { z } from "zod";
import { requireOffice } from "#app/auth/guards.server";
import { IMPORT_KINDS } from "#app/domain/imports/schema";
import { templateCsv } from "#app/domain/imports/templates.server";
import type { Route } from "./+types/import-template";

/** A CSV template for each import kind: the header and one example row. */
export function loader(args: Route.LoaderArgs) {
  requireOffice(args);
  const parsed = z.enum(IMPORT_KINDS).safeParse(args.params.kind.toUpperCase());
  if (!parsed.success) throw data({ message: "No such template." }, { status: 404 });
  const kind = parsed.data;
  return new Response(templateCsv(kind), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="retake-desk-${kind.toLowerCase()}.csv"`,
    },
  });
}
