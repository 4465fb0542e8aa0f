/**
 * The four inputs every plan starts from, shared by the builder (step 1) and
 * the editor: start date, exam date, study hours per day and the protected
 * rest day. The caller lays them out (they sit in its grid).
 */
import type { FieldMetadata } from "@conform-to/react";
import { InputField, SelectMetaField } from "#app/components/forms";
import { PLAN_LIMITS, WEEKDAY_NAMES } from "#app/domain/plans/schema";

const REST_DAY_OPTIONS = WEEKDAY_NAMES.map((name, i) => ({ value: String(i + 1), label: name }));

// biome-ignore lint/suspicious/noExplicitAny: the builder's and the editor's schemas type these fields differently (text, numbers)
type AnyField = FieldMetadata<any, any, string[]>;

export function PlanBasicsFields({
  fields,
  startMin,
  examDateLabel,
  examDateHint,
}: {
  fields: { startDate: AnyField; examDate: AnyField; hoursPerDay: AnyField; restDay: AnyField };
  /** The earliest start date offered (the builder's: today). */
  startMin?: string;
  examDateLabel: string;
  examDateHint?: string;
}) {
  return (
    <>
      <InputField label="Start date" type="date" min={startMin} meta={fields.startDate} />
      <InputField label={examDateLabel} hint={examDateHint} type="date" meta={fields.examDate} />
      <InputField
        label="Study hours per day"
        type="number"
        step="0.5"
        min={PLAN_LIMITS.minHoursPerDay}
        max={PLAN_LIMITS.maxHoursPerDay}
        inputMode="decimal"
        meta={fields.hoursPerDay}
      />
      <SelectMetaField label="Protected rest day" options={REST_DAY_OPTIONS} meta={fields.restDay} />
    </>
  );
}
