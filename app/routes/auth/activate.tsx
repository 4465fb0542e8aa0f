import { PasswordLinkPage } from "#app/components/password-link-page";
import type { Route } from "./+types/activate";
import { passwordLinkAction, passwordLinkLoader } from "./password-link.server";

export function loader({ params }: Route.LoaderArgs) {
  return passwordLinkLoader("ACTIVATION", params.token);
}

export function action({ request, params }: Route.ActionArgs) {
  return passwordLinkAction("ACTIVATION", request, params.token);
}

export function meta() {
  return [{ title: "Activate your account · Retake Desk" }];
}

export default function Activate({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <PasswordLinkPage
      account={loaderData.account}
      result={actionData?.result}
      title={loaderData.account ? `Welcome, ${loaderData.account.name}` : "Activate your account"}
      intro="Choose the password for {email} to activate your account."
      submitLabel="Activate my account"
    />
  );
}
