// What can be done next on a case, decided once for the case page from the same rules the
// writes enforce (lib/service-stations/mutations.ts): starting, finishing, opening a
// round-table and answering one move a case on, which only an ACTIVE programme allows — a
// closed (or not yet started) programme's figures are final, so the page offers none of them
// and says why instead of offering buttons the server would refuse. Handing a case over and
// cancelling it change no figure of the programme and stay offered.
import type { CaseStatusValue } from "./schemas";

export type CaseAllows = {
  start: boolean;
  finish: boolean;
  openRoundTable: boolean;
  /** Recording a department's answer on the case's open round-table. */
  answer: boolean;
  assign: boolean;
  cancel: boolean;
  /** The case is still open but its programme is not ACTIVE: the page says so. */
  programmeNotActive: boolean;
};

export function caseAllows(c: { status: CaseStatusValue; programme: { status: string }; roundTables: readonly { status: string }[] }): CaseAllows {
  const open = c.status === "SCHEDULED" || c.status === "IN_PROGRESS" || c.status === "ROUND_TABLE";
  const moves = open && c.programme.status === "ACTIVE";
  const tableOpen = c.roundTables.some((r) => r.status === "OPEN");
  return {
    start: moves && c.status === "SCHEDULED",
    finish: moves && c.status === "IN_PROGRESS",
    openRoundTable: moves && c.status === "IN_PROGRESS" && !tableOpen,
    answer: moves && c.status === "ROUND_TABLE" && tableOpen,
    assign: open,
    cancel: c.status === "SCHEDULED" || c.status === "IN_PROGRESS",
    programmeNotActive: open && !moves,
  };
}
