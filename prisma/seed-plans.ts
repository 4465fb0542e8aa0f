export async function seedPlan(_: unknown) {}
