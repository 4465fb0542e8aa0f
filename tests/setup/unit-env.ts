/**
 * Runs before each unit test file (app/**): unit tests have no database. A
 * module that imports the Prisma client gets one on an empty in-memory
 * database, so any query fails ("table does not exist") instead of touching a
 * real file. The files one worker runs share its process (`isolate: false`,
 * ADR 0007), but each loads the project's modules afresh.
 */
import { vi } from "vitest";

process.env.NODE_ENV = "test";
process.env.DATABASE_URL = "file::memory:";
process.env.APP_ORIGIN ??= "http://localhost:3000";
vi.resetModules();
