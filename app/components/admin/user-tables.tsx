/** The admin's users page: its invitations and its people, each a table with the row actions the page's action answers. */
import { Form } from "react-router";
import { DataTable, TableCard } from "#app/components/data-table";
import type { DeliveryStatus } from "#app/domain/users/queries.server";
import { ROLE_LABELS, ROLES, type Role } from "#app/domain/vocabulary";

const stateLabels = { PENDING: "Sent", ACCEPTED: "Accepted", REVOKED: "Revoked", EXPIRED: "Expired" } as const;

const deliveryLabels: Record<DeliveryStatus, string> = {
  QUEUED: "E-mail queued",
  SENT: "E-mail delivered to the mail server",
  LOGGED: "E-mail printed to the server log: no mail server is set up",
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

export interface InvitationRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  state: keyof typeof stateLabels;
  delivery: DeliveryStatus | null;
}

/** One invitation's row button (resend, revoke), in its own form. */
function InvitationButton({
  invitation,
  intent,
  label,
  className,
}: {
  invitation: InvitationRow;
  intent: "resend" | "revoke";
  label: string;
  className: string;
}) {
  return (
    <Form method="post" className={className}>
      <input type="hidden" name="invitationId" value={invitation.id} />
      <button type="submit" name="intent" value={intent} className="btn-link">
        {label}
        <span className="sr-only"> the invitation of {invitation.email}</span>
      </button>
    </Form>
  );
}

export function InvitationsTable({ invitations }: { invitations: InvitationRow[] }) {
  return (
    <TableCard
      id="invitations-heading"
      title="Invitations"
      empty={<p className="mt-2 text-slate-700">No invitations yet.</p>}
      columns={["Person", "Role", "State"]}
      actions
      rows={invitations}
      row={(i) => (
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
              <InvitationButton invitation={i} intent="resend" label="Resend" className="inline" />
            ) : null}
            {i.state === "PENDING" ? <InvitationButton invitation={i} intent="revoke" label="Revoke" className="ml-3 inline" /> : null}
          </td>
        </tr>
      )}
    />
  );
}

export interface MemberRow {
  id: string;
  role: Role;
  delivery: DeliveryStatus | null;
  user: { id: string; name: string; email: string; status: string; activated: boolean };
  school: { name: string };
}

export function PeopleTable({ members, selfId, q }: { members: MemberRow[]; selfId: string; q: string }) {
  return (
    <section aria-labelledby="members-heading" className="card overflow-x-auto">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="members-heading">People</h2>
        <Form method="get" role="search" className="flex items-end gap-2">
          <div>
            <label htmlFor="user-search" className="label">
              Search by name or email
            </label>
            <input id="user-search" name="q" defaultValue={q} className="input" type="search" />
          </div>
          <button type="submit" className="btn-secondary">
            Search
          </button>
        </Form>
      </div>
      <DataTable
        columns={["Name", "Email", "Role", "School", "Status"]}
        actions
        rows={members}
        row={(m) => (
          <tr key={m.id}>
            <td>{m.user.name}</td>
            <td>{m.user.email}</td>
            <td>
              {m.user.id === selfId ? (
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
              {m.user.id === selfId ? null : (
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
        )}
      />
    </section>
  );
}
