/**
 * A tab's refusal that no form can show: while the case is open a refusal
 * shows in its form; once the case is closed the forms are gone, so the page
 * shows it here.
 */
export function ClosedCaseError({ closed, error }: { closed: boolean; error: string | null }) {
  if (!closed || !error) return null;
  return (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      {error}
    </p>
  );
}
