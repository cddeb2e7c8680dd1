// A streamed export the client drops part way (closes the tab, cancels the download) is still
// audited — with the rows written until then and `cancelled: true` — and stops reading its
// source. Before, the writer waited for a "drain" that never came: no audit row for rows that had
// left the server, and the export (with its page-by-page reader) hung on forever.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { streamXlsx, type ExportSpec, type Row } from "@/lib/platform/exports/xlsx";
import { resetRequest } from "../support/next-stubs";
import { sessionUser } from "../support/fixtures";

const ROWS = 150_000;
const PAGE = 500;

/** A source like the routes' page-by-page readers, which says whether it was closed. */
function source() {
  const state = { read: 0, closed: false };
  async function* rows(): AsyncGenerator<Row> {
    try {
      for (let i = 0; i < ROWS; i++) {
        // A page at a time, as a route reads the database: the event loop turns between pages.
        if (i % PAGE === 0) await new Promise((resolve) => setImmediate(resolve));
        state.read += 1;
        // Text that does not compress to nothing, so the file is larger than the streams' buffers.
        yield [i, `第${i}行-${(i * 7919) % 100_003}-${(i * 104_729) % 99_991}`];
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, rows: rows() };
}

function spec(action: string, rows: AsyncIterable<Row>, marker: string): ExportSpec {
  return {
    name: "取消测试",
    filters: [{ label: "标记", value: marker }],
    columns: [{ header: "序号", type: "integer" }, { header: "内容", type: "text" }],
    rows,
    maxRows: ROWS,
    audit: { action, entityType: "Household", entityId: null, data: { marker } },
  };
}

async function auditOf(action: string, marker: string) {
  return db.auditLog.findMany({ where: { action, data: { path: ["marker"], equals: marker } } });
}

beforeEach(() => resetRequest());

describe("a streamed export the client drops", () => {
  it("is audited with the rows written until the drop and cancelled: true, and its source is closed", async () => {
    const user = await sessionUser("py.manager");
    const marker = `cancel-${process.pid}`;
    const { state, rows } = source();
    const { stream, done } = await streamXlsx(user, spec("household.export", rows, marker), "zh-CN");
    const reader = stream.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    await reader.cancel();

    const written = await done;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(ROWS);
    expect(state.closed).toBe(true);
    expect(state.read).toBeLessThan(ROWS);
    const audit = await auditOf("household.export", marker);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(user.id);
    expect(audit[0]!.data).toMatchObject({ marker, rows: written, truncated: false, cancelled: true });
  });

  it("read to the end: one audit row with every row and no cancelled flag", async () => {
    const user = await sessionUser("py.manager");
    const marker = `whole-${process.pid}`;
    const { state, rows } = source();
    const { stream, done } = await streamXlsx(user, spec("household.export", rows, marker), "zh-CN");
    const bytes = (await new Response(stream).arrayBuffer()).byteLength;
    expect(bytes).toBeGreaterThan(0);
    expect(await done).toBe(ROWS);
    expect(state.closed).toBe(true);
    const audit = await auditOf("household.export", marker);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toMatchObject({ marker, rows: ROWS, truncated: false });
    expect(audit[0]!.data).not.toHaveProperty("cancelled");
  });
});
