// Problems (问题清单): the surface other modules use (docs/decisions/0014, "Module boundaries"):
// raising problems on a visit, the read scopes (officer home, hotline enterprise files) and
// which statuses count as unresolved (key-project blockers).
import "server-only";

export { createProblemsForVisit } from "./mutations";
export { mineWhere, problemReadScope } from "./queries";
export { UNRESOLVED_STATUSES } from "./transitions";
// The field app's work set offers a problem's next steps offline, as its page does.
export { allowedTransitions } from "./authority";
