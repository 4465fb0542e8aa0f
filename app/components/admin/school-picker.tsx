import { Form } from "react-router";
import { SelectField } from "#app/components/forms";

export interface AdminSchool {
  id: string;
  name: string;
}

/** Which school an administrator of several is looking at (`?school=`); nothing when they administer one. */
export function SchoolPicker({ schools, schoolId }: { schools: readonly AdminSchool[]; schoolId: string }) {
  if (schools.length < 2) return null;
  return (
    <Form method="get" className="flex items-end gap-2">
      <SelectField
        id="school"
        name="school"
        label="School"
        defaultValue={schoolId}
        options={schools.map((s) => ({ value: s.id, label: s.name }))}
      />
      <button type="submit" className="btn-secondary">
        Show
      </button>
    </Form>
  );
}
