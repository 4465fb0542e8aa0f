/**
 * Runs before each unit test file (app/**): unit tests have no database. A
 * module that imports the Prisma client gets one on an empty in-memory
 * database, so any query fails ("no such table") instead of touching a real file.
 */
process.env.NODE_ENV = "test";
process.env.DATABASE_URL = "file::memory:";
process.env.APP_ORIGIN ??= "http://localhost:3000";
