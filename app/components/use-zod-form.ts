import { type DefaultValue, type SubmissionResult, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useNavigation } from "react-router";
import type { z } from "zod";

type Reply = SubmissionResult<string[]> | null | undefined;

/**
 * A Conform form checked with its zod schema in the browser as on the server:
 * checked on `shouldValidate` (submit unless told), then as the person types;
 * the action's last answer shows once the page is idle. `constraint` also
 * puts the schema's limits (required, min, max…) on the inputs.
 */
export function useZodForm<Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>({
  id,
  schema,
  lastResult,
  defaultValue,
  shouldValidate = "onSubmit",
  constraint = false,
}: {
  id: string;
  schema: Schema;
  lastResult: Reply;
  defaultValue?: DefaultValue<z.input<Schema>>;
  shouldValidate?: "onSubmit" | "onBlur";
  constraint?: boolean;
}) {
  const navigation = useNavigation();
  return useForm<z.input<Schema>, z.output<Schema>>({
    id,
    lastResult: navigation.state === "idle" ? lastResult : undefined,
    constraint: constraint ? getZodConstraint(schema) : undefined,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate,
    shouldRevalidate: "onInput",
  });
}
