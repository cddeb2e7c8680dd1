// Users: the surface other modules use (docs/decisions/0014, "Module boundaries").
import "server-only";

export { changeOwnPassword } from "./mutations";
export { getUserOrThrow } from "./queries";
