/**
 * The one pagination block of the lists (caseload, intake queue, escalations,
 * access log, notifications): a labelled nav with a summary and links to the
 * previous and next page. Each list builds its own links (`href`), keeping its
 * filters in the URL; `pageHref` serves the lists whose only parameter is the page.
 */
import { Link } from "react-router";

export interface PagerProps {
  page: number;
  pageCount: number;
  /** The link to a page, with the list's other parameters kept. */
  href: (page: number) => string;
  /** What the nav says before its links; "Page 2 of 5" unless given. */
  summary?: React.ReactNode;
  previousLabel?: string;
  nextLabel?: string;
  /** Keep the scroll position when the page changes (the caseload's table). */
  preventScrollReset?: boolean;
}

export function Pager({
  page,
  pageCount,
  href,
  summary,
  previousLabel = "Previous page",
  nextLabel = "Next page",
  preventScrollReset,
}: PagerProps) {
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p>{summary ?? `Page ${page} of ${pageCount}`}</p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className="btn-secondary" to={href(page - 1)} preventScrollReset={preventScrollReset}>
            {previousLabel}
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link className="btn-secondary" to={href(page + 1)} preventScrollReset={preventScrollReset}>
            {nextLabel}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}

/**
 * A page's link on `path`: the first page is the bare path (one URL per page),
 * the others add `page`; `search` is kept (its own `page` replaced).
 */
export function pageHref(path: string, page: number, search: URLSearchParams | string = ""): string {
  const params = new URLSearchParams(search);
  params.delete("page");
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
