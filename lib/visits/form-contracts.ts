// The visit form's contracts, loaded when the form first validates rather than with the page:
// the form is the field app's busiest page and its first load must stay within 150 kB of
// JavaScript, and zod alone is ≈ 60 kB gzip (issue 16; docs/decisions/0023-field-js-budget.md).
// Only the types come from ./schemas here; the module itself arrives on first use.
import { lazyContract } from "@/lib/platform/contract";
import type { createVisitContract, updateVisitContract } from "./schemas";

const schemas = () => import("./schemas");

export const createVisitForm = lazyContract<typeof createVisitContract>("visit.create", true, () => schemas().then((m) => m.createVisitContract));
export const updateVisitForm = lazyContract<typeof updateVisitContract>("visit.update", false, () => schemas().then((m) => m.updateVisitContract));
