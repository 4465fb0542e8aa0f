import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, Form } from "react-router";
import { z } from "zod";
import { notUnderstood, refusalPage, reply } from "#app/actions/reply";
import { requireRole } from "#app/auth/guards.server";
import { InvitationsTable, PeopleTable } from "#app/components/admin/user-tables";
import { Field, FormErrors, SelectField } from "#app/components/forms";
import { useFormResult } from "#app/components/use-form-result";
import { resendActivation } from "#app/domain/accounts/mutations.server";
import { inviteSchema } from "#app/domain/auth/schema";
import { createInvitation, invitationState, resendInvitation, revokeInvitation } from "#app/domain/invitations/mutations.server";
import { setMembershipRole, setUserActive } from "#app/domain/users/mutations.server";
import { loadSchoolPeople } from "#app/domain/users/queries.server";
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

      <InvitationsTable invitations={loaderData.invitations} />
      <PeopleTable members={loaderData.members} selfId={loaderData.selfId} q={loaderData.q} />
    </div>
  );
}
