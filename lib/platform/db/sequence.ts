// Named counters in the database (sequence_counter), for human-readable numbers such as
// hotline confirmation numbers and points application numbers. Never process memory: several
// app instances share them. One statement, so concurrent callers get distinct values, and a
// rolled-back transaction gives its value back.
import type { Tx } from "@/lib/platform/db/client";

/** The next value of counter `name` (1 for a new counter). */
export async function nextSequence(name: string, tx: Tx): Promise<number> {
  const rows = await tx.$queryRaw<{ value: bigint }[]>`
    INSERT INTO sequence_counter (name, value) VALUES (${name}, 1)
    ON CONFLICT (name) DO UPDATE SET value = sequence_counter.value + 1
    RETURNING value`;
  return Number(rows[0]!.value);
}
