import { useEffect, useRef, useState } from "react";

interface Toast {
  kind: "success" | "error" | "info";
  title: string;
  description?: string;
}

const tone = {
  success: "border-emerald-300 bg-emerald-50 text-emerald-950",
  error: "border-red-300 bg-red-50 text-red-950",
  info: "border-sky-300 bg-sky-50 text-sky-950",
};

/**
 * Give it a `key` per toast so a new one starts open. A status message announced to screen readers; it can be dismissed and
 * fades after a while. It is the confirmation of what was just done, so it takes focus (docs/decisions/0026-phones-and-forms.md);
 * when it goes, focus returns to where it was, if that is still on the page.
 */
export function ToastMessage({ toast }: { toast: Toast }) {
  const [open, setOpen] = useState(true);
  const box = useRef<HTMLDivElement>(null);
  const before = useRef<Element | null>(null);
  useEffect(() => {
    before.current = document.activeElement;
    box.current?.focus({ preventScroll: true });
    const timer = setTimeout(() => setOpen(false), 8000);
    return () => clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (open) return;
    const back = before.current;
    if (back instanceof HTMLElement && back.isConnected && (document.activeElement === document.body || !document.activeElement))
      back.focus({ preventScroll: true });
  }, [open]);
  if (!open) return null;
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
      <div
        ref={box}
        role="status"
        tabIndex={-1}
        className={`pointer-events-auto flex max-w-md items-start gap-3 rounded-lg border px-4 py-3 shadow-lg ${tone[toast.kind]}`}
      >
        <div>
          <p className="font-medium">{toast.title}</p>
          {toast.description ? <p className="mt-0.5 text-sm">{toast.description}</p> : null}
        </div>
        <button type="button" className="ml-2 text-sm underline" onClick={() => setOpen(false)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
