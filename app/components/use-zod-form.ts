import { type DefaultValue, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useNavigation } from "react-router";
import type { z } from "zod";

type Reply = SubmissionResult<string[]> | null | undefined;

/**
 * A Conform form checked with its zod schema in the browser as on the server:
 * first on submit, then as the person types, never on blur, so no message
 * appears or goes between a press and a release and moves the button under
 * the click (docs/decisions/0026-phones-and-forms.md). Every form follows this
 * one rule: it is not an option. The action's last answer shows once the page
 * is idle. `constraint` also puts the schema's limits (required, min, max…) on
 * the inputs. `Fields`, the form's fields as Conform sees them, is the
 * schema's input unless given (for a schema that takes any input, e.g. a
 * preprocessed list).
 */
export function useZodForm<
  Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>,
  Fields extends Record<string, unknown> = z.input<Schema>,
>({
  id,
  schema,
  lastResult,
  defaultValue,
  constraint = false,
}: {
  id: string;
  schema: Schema;
  lastResult: Reply;
  defaultValue?: DefaultValue<NoInfer<Fields>>;
  constraint?: boolean;
}) {
  const navigation = useNavigation();
  return useForm<Fields, z.output<Schema>>({
    id,
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    constraint: constraint ? getZodConstraint(schema) : undefined,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
}
