/**
 * "Sign in with <school>" (ADR 0016): shown when the typed address's domain
 * belongs to a school with single sign-on, or the school is named in the URL.
 * A plain link (a GET the browser follows to the provider), never a form post:
 * the CSP's form-action would stop a post that redirects to another origin.
 */
import { useEffect, useRef, useState } from "react";
import { useFetcher } from "react-router";

interface SsoOfferView {
  slug: string;
  name: string;
  requiredForStaff: boolean;
}

function ssoStartHref(slug: string, redirectTo: string | null, loginHint: string | null | undefined): string {
  const params = new URLSearchParams();
  if (redirectTo) params.set("redirectTo", redirectTo);
  if (loginHint) params.set("login_hint", loginHint);
  const query = params.toString();
  return `/sso/${encodeURIComponent(slug)}${query ? `?${query}` : ""}`;
}

export function SsoOfferBox({
  offer,
  redirectTo,
  loginHint,
  className = "",
}: {
  offer: SsoOfferView;
  redirectTo: string | null;
  loginHint?: string | null;
  className?: string;
}) {
  return (
    <section aria-labelledby="sso-heading" className={`card space-y-3 ${className}`}>
      <h2 id="sso-heading" className="text-base">
        Your school's sign-in
      </h2>
      <p className="text-sm text-slate-700">{offer.name} signs its people in with their school account.</p>
      <a className="btn-primary w-full justify-center" href={ssoStartHref(offer.slug, redirectTo, loginHint)}>
        Sign in with {offer.name}
      </a>
      {offer.requiredForStaff ? <p className="hint">Tutors, advisors and administrators of {offer.name} sign in only this way.</p> : null}
    </section>
  );
}

const LOOKS_LIKE_EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** While the person types an address, asks which school (if any) signs in its domain. */
export function useSsoOffer() {
  const fetcher = useFetcher<{ sso: SsoOfferView | null }>();
  const [email, setEmail] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const check = (value: string) => {
    clearTimeout(timer.current);
    const address = value.trim().toLowerCase();
    timer.current = setTimeout(() => {
      if (!LOOKS_LIKE_EMAIL.test(address)) return setEmail(null);
      setEmail(address);
      fetcher.load(`/login/sso-offer?email=${encodeURIComponent(address)}`);
    }, 300);
  };
  const offer = email && fetcher.data ? fetcher.data.sso : null;
  return { offer, email, check };
}
