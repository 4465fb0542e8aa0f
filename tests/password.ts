/**
 * The password of every person the test factories create (tests/factories.ts),
 * also used by end-to-end specs that sign such a person in through the form.
 * No imports: the Playwright runner can load it without the app's database.
 */
export const TEST_PASSWORD = "correct horse battery";
