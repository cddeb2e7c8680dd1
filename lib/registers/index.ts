// Registers (households, enterprises): the surface other modules use (docs/decisions/0014,
// "Module boundaries"). Credit-code rules are client-safe: lib/registers/schemas.
import "server-only";

export { assertEnterpriseUnit, createEnterprise } from "./mutations";
export { getEnterpriseOrThrow } from "./queries";
export { findRegisterDuplicates } from "./duplicates";
