import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, Form } from "react-router";
import { z } from "zod";
import { notUnderstood, refusalPage, reply } from "#app/actions/reply";
import { requireRole } from "#app/auth/guards.server";
import { Field, FormErrors, SelectField } from "#app/components/forms";
import { ScrollRegion } from "#app/components/scroll-region";
import { useFormResult } from "#app/components/use-form-result";
import { resendActivation } from "#app/domain/accounts/mutations.server";
import { inviteSchema } from "#app/domain/auth/schema";
import { createInvitation, invitationState, resendInvitation, revokeInvitation } from "#app/domain/invitations/mutations.server";
import { setMembershipRole, setUserActive } from "#app/domain/users/mutations.server";
import { type DeliveryStatus, loadSchoolPeople } from "#app/domain/users/queries.server";
import { ROLE_LABELS, ROLES } from "#app/domain/vocabulary";
import { noteRecordsRead } from "#app/utils/access-log.server";
import { toastHeader } from "#app/utils/toast.server";
import type { Route } from "./+types/users";

export async function loader(args: Route.LoaderArgs) {
  const { user, schoolIds } = requireRole(args, ["ADMIN"]);
  const q = new URL(args.request.url).searchParams.get("q")?.trim() ?? "";
  const { members, invitations, delivery } = await loadSchoolPeople(schoolIds, q);
  noteRecordsRead(
    args.context,
    members.filter((m) => m.role === "STUDENT").map((m) => ({ studentUserId: m.user.id, schoolIds })),
    "People of the school",
  );
  const now = new Date();
  return {
    q,
    selfId: user.id,
    schools: user.memberships.filter((m) => schoolIds.includes(m.schoolId)).map((m) => ({ value: m.schoolId, label: m.schoolName })),
    members: members.map((m) => ({ ...m, delivery: m.user.activated ? null : (delivery[`activation:${m.user.id}`] ?? null) })),
    invitations: invitations.map((i) => ({ ...i, state: invitationState(i, now), delivery: delivery[`invitation:${i.id}`] ?? null })),
  };
}

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite") }),
  z.object({ intent: z.literal("resend"), invitationId: z.string().min(1) }),
  z.object({ intent: z.literal("revoke"), invitationId: z.string().min(1) }),
  z.object({ intent: z.literal("deactivate"), userId: z.string().min(1) }),
  z.object({ intent: z.literal("reactivate"), userId: z.string().min(1) }),
  z.object({ intent: z.literal("activation"), userId: z.string().min(1) }),
  z.object({ intent: z.literal("role"), membershipId: z.string().min(1), role: z.enum(ROLES), expectedRole: z.enum(ROLES) }),
]);

export async function action(args: Route.ActionArgs) {
  const { user, schoolIds } = requireRole(args, ["ADMIN"]);
  const formData = await args.request.formData();
  const intent = intentSchema.safeParse(Object.fromEntries(formData));
  if (!intent.success) notUnderstood();
  switch (intent.data.intent) {
    case "invite": {
      const submission = parseWithZod(formData, {
        schema: inviteSchema.refine((v) => schoolIds.includes(v.schoolId), { path: ["schoolId"], error: "Choose one of your schools." }),
      });
      if (submission.status !== "success") return reply({ intent: "invite", submission });
      const created = await createInvitation({ ...submission.value, invitedById: user.id });
      if (!created.ok) return reply({ intent: "invite", submission }, created);
      // The link is in the mail only: this page never shows it.
      return data(
        { result: submission.reply({ resetForm: true }) },
        { headers: { "Set-Cookie": await toastHeader({ title: `Invitation e-mailed to ${submission.value.email}` }) } },
      );
    }
    case "resend": {
      const resent = await resendInvitation(intent.data.invitationId, schoolIds, user.id);
      if (!resent.ok) refusalPage(resent);
      return data(
        { result: null },
        { headers: { "Set-Cookie": await toastHeader({ title: `A new invitation link was e-mailed to ${resent.email}` }) } },
      );
    }
    case "revoke": {
      const revoked = await revokeInvitation(intent.data.invitationId, schoolIds, user.id);
      if (!revoked.ok) refusalPage(revoked);
      return data({ result: null }, { headers: { "Set-Cookie": await toastHeader({ title: "Invitation revoked" }) } });
    }
    case "activation": {
      const sent = await resendActivation({ userId: intent.data.userId, schoolIds, actorId: user.id });
      if (!sent.ok) refusalPage(sent);
      return data({ result: null }, { headers: { "Set-Cookie": await toastHeader({ title: `Activation e-mail sent to ${sent.email}` }) } });
    }
    case "role": {
      const change = await setMembershipRole({
        membershipId: intent.data.membershipId,
        role: intent.data.role,
        expectedRole: intent.data.expectedRole,
        actorId: user.id,
        schoolIds,
      });
      if (!change.ok) refusalPage(change);
      return data({ result: null }, { headers: { "Set-Cookie": await toastHeader({ title: "Role changed" }) } });
    }
    case "deactivate":
    case "reactivate": {
      const active = intent.data.intent === "reactivate";
      const change = await setUserActive({ userId: intent.data.userId, active, actorId: user.id, schoolIds });
      if (!change.ok) refusalPage(change);
      return data(
        { result: null },
        {
          headers: {
            "Set-Cookie": await toastHeader({ title: active ? "Account reactivated" : "Account deactivated; their sessions have ended" }),
          },
        },
      );
    }
  }
}

export function meta() {
  return [{ title: "Users and invitations · Retake Desk" }];
}

const stateLabels = { PENDING: "Sent", ACCEPTED: "Accepted", REVOKED: "Revoked", EXPIRED: "Expired" } as const;

const deliveryLabels: Record<DeliveryStatus, string> = {
  QUEUED: "E-mail queued",
  SENT: "E-mail delivered to the mail server",
  RETRYING: "E-mail not delivered yet: retrying",
  FAILED: "E-mail could not be delivered",
  EXPIRED: "E-mail not sent in time",
};

function DeliveryNote({ status }: { status: DeliveryStatus | null }) {
  if (!status) return null;
  const problem = status === "FAILED" || status === "RETRYING" || status === "EXPIRED";
  return (
    <span className={`block text-sm ${problem ? "font-medium text-red-800" : "text-slate-600"}`}>
      {deliveryLabels[status]}
      {problem ? (
        <>
          {" "}
          (<a href="/admin/mail">details</a>)
        </>
      ) : null}
    </span>
  );
}

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
  const invite = useFormResult(actionData?.result, "invite");
  const [form, fields] = useForm({
    id: "invite",
    lastResult: invite.lastResult,
    constraint: getZodConstraint(inviteSchema),
    defaultValue: { role: "STUDENT", schoolId: loaderData.schools[0]?.value },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
    shouldRevalidate: "onInput",
  });
  return (
    <div className="space-y-6">
      <h1>Users and invitations</h1>
      <section aria-labelledby="invite-heading" className="card">
        <h2 id="invite-heading">Invite a person</h2>
        <p className="hint">
          They receive an e-mail with a link to join; the link is never shown here. Someone who already has a Retake Desk account signs in
          to it to accept.
        </p>
        <Form method="post" className="mt-3 grid gap-4 sm:grid-cols-2" {...getFormProps(form)} onSubmit={invite.onSubmit(form.onSubmit)}>
          <input type="hidden" name="intent" value="invite" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field label="Name" errors={fields.name.errors} {...getInputProps(fields.name, { type: "text" })} key={fields.name.key} />
          <Field label="Email" errors={fields.email.errors} {...getInputProps(fields.email, { type: "email" })} key={fields.email.key} />
          <SelectField
            label="Role"
            errors={fields.role.errors}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            {...getSelectProps(fields.role)}
            key={fields.role.key}
          />
          <SelectField
            label="School"
            errors={fields.schoolId.errors}
            options={loaderData.schools}
            {...getSelectProps(fields.schoolId)}
            key={fields.schoolId.key}
          />
          <div className="sm:col-span-2">
            <button type="submit" className="btn-primary">
              Create invitation
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="invitations-heading" className="card overflow-x-auto">
        <h2 id="invitations-heading">Invitations</h2>
        {loaderData.invitations.length === 0 ? (
          <p className="mt-2 text-slate-700">No invitations yet.</p>
        ) : (
          <ScrollRegion className="mt-3">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Role</th>
                  <th scope="col">State</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {loaderData.invitations.map((i) => (
                  <tr key={i.id}>
                    <td>
                      {i.name}
                      <br />
                      <span className="text-slate-600">{i.email}</span>
                    </td>
                    <td>{ROLE_LABELS[i.role]}</td>
                    <td>
                      {stateLabels[i.state]}
                      {i.state === "PENDING" || i.state === "EXPIRED" ? <DeliveryNote status={i.delivery} /> : null}
                    </td>
                    <td className="whitespace-nowrap">
                      {i.state === "PENDING" || i.state === "EXPIRED" ? (
                        <Form method="post" className="inline">
                          <input type="hidden" name="invitationId" value={i.id} />
                          <button type="submit" name="intent" value="resend" className="btn-link">
                            Resend<span className="sr-only"> the invitation of {i.email}</span>
                          </button>
                        </Form>
                      ) : null}
                      {i.state === "PENDING" ? (
                        <Form method="post" className="ml-3 inline">
                          <input type="hidden" name="invitationId" value={i.id} />
                          <button type="submit" name="intent" value="revoke" className="btn-link">
                            Revoke<span className="sr-only"> the invitation of {i.email}</span>
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      <section aria-labelledby="members-heading" className="card overflow-x-auto">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="members-heading">People</h2>
          <Form method="get" role="search" className="flex items-end gap-2">
            <div>
              <label htmlFor="user-search" className="label">
                Search by name or email
              </label>
              <input id="user-search" name="q" defaultValue={loaderData.q} className="input" type="search" />
            </div>
            <button type="submit" className="btn-secondary">
              Search
            </button>
          </Form>
        </div>
        <ScrollRegion className="mt-3">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">School</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {loaderData.members.map((m) => (
                <tr key={m.id}>
                  <td>{m.user.name}</td>
                  <td>{m.user.email}</td>
                  <td>
                    {m.user.id === loaderData.selfId ? (
                      ROLE_LABELS[m.role]
                    ) : (
                      <Form method="post" className="flex items-center gap-2">
                        <input type="hidden" name="membershipId" value={m.id} />
                        <input type="hidden" name="expectedRole" value={m.role} />
                        <label htmlFor={`role-${m.id}`} className="sr-only">
                          Role of {m.user.name}
                        </label>
                        <select id={`role-${m.id}`} name="role" defaultValue={m.role} className="input w-auto py-1">
                          {ROLES.map((r) => (
                            <option key={r} value={r}>
                              {ROLE_LABELS[r]}
                            </option>
                          ))}
                        </select>
                        <button type="submit" name="intent" value="role" className="btn-link">
                          Change<span className="sr-only"> the role of {m.user.name}</span>
                        </button>
                      </Form>
                    )}
                  </td>
                  <td>{m.school.name}</td>
                  <td>
                    {m.user.status !== "ACTIVE" ? "Deactivated" : m.user.activated ? "Active" : "Not activated yet"}
                    {m.user.status === "ACTIVE" && !m.user.activated ? (
                      <>
                        <DeliveryNote status={m.delivery} />
                        <Form method="post">
                          <input type="hidden" name="userId" value={m.user.id} />
                          <button type="submit" name="intent" value="activation" className="btn-link">
                            Send activation e-mail<span className="sr-only"> to {m.user.name}</span>
                          </button>
                        </Form>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {m.user.id === loaderData.selfId ? null : (
                      <Form method="post">
                        <input type="hidden" name="userId" value={m.user.id} />
                        {m.user.status === "ACTIVE" ? (
                          <button type="submit" name="intent" value="deactivate" className="btn-link text-red-800">
                            Deactivate<span className="sr-only"> {m.user.name}</span>
                          </button>
                        ) : (
                          <button type="submit" name="intent" value="reactivate" className="btn-link">
                            Reactivate<span className="sr-only"> {m.user.name}</span>
                          </button>
                        )}
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
    </div>
  );
}
