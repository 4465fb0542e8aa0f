import { useEffect, useRef, useState } from "react";

/**
 * A wide table's frame (docs/decisions/0026-phones-and-forms.md): the page
 * never scrolls sideways (WCAG 1.4.10 Reflow), the table scrolls inside this
 * frame instead. While it does, the frame is a labelled region in the tab
 * order, so keyboard users can reach and scroll it (axe:
 * scrollable-region-focusable); when the table fits, it is a plain box and no
 * extra tab stop. Printed, nothing is clipped.
 */
export function ScrollRegion({
  label,
  labelledBy,
  className = "",
  children,
}: {
  /** What the table shows, read out when the region takes focus (or give `labelledBy`); by default the table's caption. */
  label?: string;
  labelledBy?: string;
  className?: string;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  const [caption, setCaption] = useState<string | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setCaption(element.querySelector("caption")?.textContent?.trim() || null);
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of Array.from(element.children)) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={`relative max-w-full overflow-x-auto print:overflow-visible ${className}`}
      {...(scrolls
        ? {
            role: "region",
            "aria-label": labelledBy ? undefined : (label ?? caption ?? "Table"),
            "aria-labelledby": labelledBy,
            tabIndex: 0,
          }
        : {})}
      data-scrolls={scrolls ? "" : undefined}
    >
      {children}
    </div>
  );
}
