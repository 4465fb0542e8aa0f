import { useEffect, useState } from "react";

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

/** Give it a `key` per toast so a new one starts open. A status message announced to screen readers; it can be dismissed and fades after a while. */
export function ToastMessage({ toast }: { toast: Toast }) {
  const [open, setOpen] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setOpen(false), 8000);
    return () => clearTimeout(timer);
  }, []);
  if (!open) return null;
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
      <div
        role="status"
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
