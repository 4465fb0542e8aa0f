/**
 * The messages Retake Desk sends (ADR 0013): each is plain text plus a simple,
 * accessible HTML version with the same words — a language, a title, one
 * heading, paragraphs and a plainly labelled link, no images or tables. Mail
 * about students says that something needs attention and links to it; the
 * details stay behind the sign-in.
 */

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export const MAIL_KINDS = [
  "INVITATION",
  "ACTIVATION",
  "PASSWORD_RESET",
  "PASSWORD_CHANGED",
  "ESCALATION_RAISED",
  "ESCALATION_OVERDUE",
  "WEEKLY_DIGEST",
  "TWO_FACTOR_CHANGED",
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

const MAIL_KIND_LABELS: Record<MailKind, string> = {
  INVITATION: "Invitation",
  ACTIVATION: "Account activation",
  PASSWORD_RESET: "Password reset",
  PASSWORD_CHANGED: "Password changed notice",
  ESCALATION_RAISED: "Escalation raised",
  ESCALATION_OVERDUE: "Escalation overdue",
  WEEKLY_DIGEST: "Weekly digest",
  TWO_FACTOR_CHANGED: "Two-factor authentication notice",
};

export function mailKindLabel(kind: string): string {
  return MAIL_KIND_LABELS[kind as MailKind] ?? kind;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string);
}

/** A block of the message: a paragraph, a list, or the one link the message is for. */
type Block = { p: string } | { list: string[] } | { link: { label: string; url: string } };

interface Layout {
  subject: string;
  heading: string;
  blocks: Block[];
  /** Why the person got this, and what to do if it was not for them. */
  footer: string;
}

function render({ subject, heading, blocks, footer }: Layout): MailContent {
  const textBlocks = blocks.map((b) => {
    if ("p" in b) return b.p;
    if ("list" in b) return b.list.map((item) => `- ${item}`).join("\n");
    return `${b.link.label}:\n${b.link.url}`;
  });
  const text = [heading, "", textBlocks.join("\n\n"), "", "--", footer, ""].join("\n");
  const htmlBlocks = blocks.map((b) => {
    if ("p" in b) return `<p>${escapeHtml(b.p)}</p>`;
    if ("list" in b) return `<ul>${b.list.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
    return `<p><a href="${escapeHtml(b.link.url)}" style="color:#1d4ed8;font-weight:600">${escapeHtml(b.link.label)}</a></p>`;
  });
  const html = [
    "<!doctype html>",
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#0f172a;background:#ffffff">',
    '<div role="article" aria-roledescription="email" style="max-width:560px">',
    `<h1 style="font-size:20px">${escapeHtml(heading)}</h1>`,
    ...htmlBlocks,
    `<hr><p style="font-size:14px;color:#334155">${escapeHtml(footer)}</p>`,
    "</div></body></html>",
  ].join("\n");
  return { subject, text, html };
}

const SIGNATURE = "Retake Desk";
const notYou = "If you did not expect this message, you can ignore it: nothing changes until the link is used.";

export function invitationMail(input: { schoolName: string; roleLabel: string; inviterName: string | null; url: string; days: number }) {
  const by = input.inviterName ? `${input.inviterName} invited you` : "You are invited";
  return render({
    subject: `Invitation to ${input.schoolName} on Retake Desk`,
    heading: `Join ${input.schoolName} on Retake Desk`,
    blocks: [
      { p: `${by} to join ${input.schoolName} as ${input.roleLabel.toLowerCase()}.` },
      { link: { label: "Accept the invitation", url: input.url } },
      {
        p: `The link works once and for ${input.days} days. If you already have a Retake Desk account, you will be asked to sign in to it first; your password stays as it is.`,
      },
    ],
    footer: `${SIGNATURE} · ${notYou}`,
  });
}

export function activationMail(input: { name: string; schoolName: string; url: string; days: number }) {
  return render({
    subject: `Activate your Retake Desk account for ${input.schoolName}`,
    heading: `Welcome, ${input.name}`,
    blocks: [
      { p: `${input.schoolName} uses Retake Desk to support students preparing for a USMLE retake, and has made an account for you.` },
      { link: { label: "Choose your password", url: input.url } },
      { p: `The link works once and for ${input.days} days. After that, use "Forgot your password?" on the sign-in page.` },
    ],
    footer: `${SIGNATURE} · ${notYou}`,
  });
}

export function passwordResetMail(input: { name: string; url: string; minutes: number }) {
  return render({
    subject: "Reset your Retake Desk password",
    heading: "Reset your password",
    blocks: [
      { p: `Hello ${input.name}, someone (we hope you) asked to reset the password of your Retake Desk account.` },
      { link: { label: "Choose a new password", url: input.url } },
      { p: `The link works once and for ${input.minutes} minutes. Choosing a new password signs you out everywhere.` },
    ],
    footer: `${SIGNATURE} · If you did not ask for this, ignore this message: your password stays as it is.`,
  });
}

export function passwordChangedMail(input: { name: string; when: string; resetUrl: string }) {
  return render({
    subject: "Your Retake Desk password was changed",
    heading: "Your password was changed",
    blocks: [
      { p: `Hello ${input.name}, the password of your Retake Desk account was changed on ${input.when}.` },
      { p: "If that was you, there is nothing to do." },
      { p: "If it was not you, set a new password now: this signs out everyone using your account. Then tell your school's office." },
      { link: { label: "Reset your password", url: input.resetUrl } },
    ],
    footer: `${SIGNATURE} · This notice is sent whenever your password changes.`,
  });
}

/** Two-factor authentication turned on or off, or new recovery codes made (ADR 0017). */
export function twoFactorChangedMail(input: { name: string; when: string; change: "on" | "off" | "codes"; accountUrl: string }) {
  const what = {
    on: "two-factor authentication was turned on for your Retake Desk account",
    off: "two-factor authentication was turned off for your Retake Desk account",
    codes: "new recovery codes were made for your Retake Desk account (the old ones no longer work)",
  }[input.change];
  return render({
    subject: input.change === "off" ? "Two-factor authentication was turned off" : "Your Retake Desk sign-in settings changed",
    heading: input.change === "off" ? "Two-factor authentication is off" : "Your sign-in settings changed",
    blocks: [
      { p: `Hello ${input.name}, ${what} on ${input.when}.` },
      { p: "If that was you, there is nothing to do." },
      { p: "If it was not you, change your password now and tell your school's office." },
      { link: { label: "Open My account", url: input.accountUrl } },
    ],
    footer: `${SIGNATURE} · This notice is sent whenever your second factor changes.`,
  });
}

export function escalationRaisedMail(input: { schoolName: string; examLabel: string; acknowledgeBy: string; url: string }) {
  return render({
    subject: `Escalation raised at ${input.schoolName}`,
    heading: "A case was escalated to the office",
    blocks: [
      { p: `A ${input.examLabel} case at ${input.schoolName} was escalated to the academic-support office.` },
      { p: `Please acknowledge it by ${input.acknowledgeBy}. The details are in Retake Desk.` },
      { link: { label: "Open the escalation", url: input.url } },
    ],
    footer: `${SIGNATURE} · You receive this as the escalation's owner or as a member of the school's office.`,
  });
}

export function escalationOverdueMail(input: {
  schoolName: string;
  examLabel: string;
  step: "acknowledge" | "resolve";
  dueOn: string;
  url: string;
}) {
  const what = input.step === "acknowledge" ? "acknowledged" : "resolved";
  return render({
    subject: `Escalation overdue at ${input.schoolName}`,
    heading: `An escalation was not ${what} in time`,
    blocks: [
      { p: `An escalation of a ${input.examLabel} case at ${input.schoolName} was due to be ${what} by ${input.dueOn}.` },
      { link: { label: "Open the escalation", url: input.url } },
    ],
    footer: `${SIGNATURE} · You receive this as the escalation's owner or as a member of the school's office.`,
  });
}

export function weeklyDigestMail(input: {
  name: string;
  weekLabel: string;
  lines: string[];
  caseCount: number;
  url: string;
  accountUrl: string;
}) {
  const cases = input.caseCount === 1 ? "1 of your cases" : `${input.caseCount} of your cases`;
  return render({
    subject: `Your week on Retake Desk: ${input.weekLabel}`,
    heading: `Your week, ${input.name}`,
    blocks: [
      { p: `What changed in ${cases} in the week of ${input.weekLabel}:` },
      { list: input.lines },
      { link: { label: "See the updates", url: input.url } },
    ],
    footer: `${SIGNATURE} · You can stop this weekly digest in My account: ${input.accountUrl}`,
  });
}
