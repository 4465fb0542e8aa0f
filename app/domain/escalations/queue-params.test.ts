import { describe, expect, it } from "vitest";
import { DEFAULT_QUEUE_STATUSES, parseQueueParams, queueSearch } from "./queue-params";

const parse = (search: string) => parseQueueParams(new URLSearchParams(search));

describe("escalation queue params", () => {
  it("defaults to everything not resolved, most urgent first, page 1, nothing open", () => {
    expect(parse("")).toEqual({ status: [...DEFAULT_QUEUE_STATUSES], mine: false, overdue: false, sort: "urgency", page: 1, open: null });
  });

  it("keeps allowed values in the workflow's order and drops the rest", () => {
    expect(parse("status=RESOLVED&status=OPEN&status=BOGUS&status=OPEN&mine=1&sort=newest&page=3&open=abc123")).toEqual({
      status: ["OPEN", "RESOLVED"],
      mine: true,
      overdue: false,
      sort: "newest",
      page: 3,
      open: "abc123",
    });
    expect(parse("status=BOGUS&mine=yes&overdue=yes&sort=oldest&page=0&open=<script>")).toEqual(parse(""));
    expect(parse("overdue=1").overdue).toBe(true);
    expect(queueSearch(parse("overdue=1"))).toBe("?overdue=1");
    expect(parse("page=1.5").page).toBe(1);
    expect(parse("page=100001").page).toBe(1);
  });

  it("writes the URL back without defaults, so the plain queue stays plain", () => {
    const plain = parse("");
    expect(queueSearch(plain)).toBe("");
    expect(queueSearch(plain, { open: "e1" })).toBe("?open=e1");
    const custom = parse("status=RESOLVED&mine=1&sort=newest&page=2");
    expect(queueSearch(custom)).toBe("?status=RESOLVED&mine=1&sort=newest&page=2");
    expect(parse(queueSearch(custom).slice(1))).toEqual(custom);
    expect(queueSearch(custom, { page: 1, open: null })).toBe("?status=RESOLVED&mine=1&sort=newest");
  });
});
