import { PasswordLinkPage } from "#app/components/password-link-page";
import type { Route } from "./+types/reset-password";
import { passwordLinkAction, passwordLinkLoader } from "./password-link.server";

export function loader({ params }: Route.LoaderArgs) {
  return passwordLinkLoader("RESET", params.token);
}

export function action({ request, params }: Route.ActionArgs) {
  return passwordLinkAction("RESET", request, params.token);
}

export function meta() {
  return [{ title: "Choose a new password · Retake Desk" }];
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <PasswordLinkPage
      account={loaderData.account}
      result={actionData?.result}
      title="Choose a new password"
      intro="For {email}. Saving it signs you out everywhere."
      submitLabel="Save the new password"
    />
  );
}
