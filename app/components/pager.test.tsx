import { renderToString } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { Pager, pageHref } from "./pager";

/** Links need a data router. */
function render(element: React.ReactNode): string {
  return renderToString(<RouterProvider router={createMemoryRouter([{ path: "/", element }])} />);
}

function links(html: string): { href: string; name: string }[] {
  return [...html.matchAll(/<a[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => ({ href: m[1].replaceAll("&amp;", "&"), name: m[2] }));
}

describe("pageHref", () => {
  it("leaves the page out for the first page, so page 2's Previous goes to the bare path", () => {
    expect(pageHref("/queue", 1)).toBe("/queue");
    expect(pageHref("/queue", 3)).toBe("/queue?page=3");
  });

  it("keeps the other parameters and replaces the page", () => {
    expect(pageHref("/x", 1, "?q=ada&page=4")).toBe("/x?q=ada");
    expect(pageHref("/x", 5, new URLSearchParams("q=ada&status=OPEN&status=CLOSED&page=4"))).toBe(
      "/x?q=ada&status=OPEN&status=CLOSED&page=5",
    );
  });
});

describe("the pager", () => {
  it("links to both neighbours in the middle, in a nav named Pages, with the default summary", () => {
    const html = render(<Pager page={2} pageCount={3} href={(p) => pageHref("/notifications", p)} />);
    expect(html).toContain('aria-label="Pages"');
    expect(html).toContain("<p>Page 2 of 3</p>");
    expect(links(html)).toEqual([
      { href: "/notifications", name: "Previous page" },
      { href: "/notifications?page=3", name: "Next page" },
    ]);
  });

  it("has no Previous on the first page and no Next on the last, and takes its own labels and summary", () => {
    const first = render(<Pager page={1} pageCount={2} href={(p) => `/n?page=${p}`} previousLabel="Newer" nextLabel="Older" />);
    expect(links(first)).toEqual([{ href: "/n?page=2", name: "Older" }]);
    const last = render(
      <Pager page={2} pageCount={2} href={(p) => pageHref("/n", p)} previousLabel="Newer" nextLabel="Older" summary="12 reads" />,
    );
    expect(links(last)).toEqual([{ href: "/n", name: "Newer" }]);
    expect(last).toContain("<p>12 reads</p>");
  });

  it("shows no link when there is one page", () => {
    expect(links(render(<Pager page={1} pageCount={1} href={(p) => pageHref("/q", p)} />))).toEqual([]);
  });
});
