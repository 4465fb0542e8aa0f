/** The frame of the signed-out pages (sign in, invitations, password links): the name, a heading, a card. */
export function AuthPage({
  title,
  intro,
  children,
  footer,
}: {
  title: string;
  intro?: React.ReactNode;
  children?: React.ReactNode;
  footer?: React.ReactNode;
}) {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <p className="text-center text-sm font-semibold tracking-wide text-brand-700 uppercase">Retake Desk</p>
        <h1 className="mt-2 text-center">{title}</h1>
        {intro ? <div className="mt-3 space-y-2 text-center text-slate-700">{intro}</div> : null}
        {children ? <div className="card mt-6">{children}</div> : null}
        {footer ? <div className="mt-4 text-center text-sm text-slate-700">{footer}</div> : null}
      </div>
    </main>
  );
}
