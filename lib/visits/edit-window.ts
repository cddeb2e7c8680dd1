// How long the author of a visit may still edit it (VISIT_EDIT_WINDOW_HOURS, default 72).
import { now as clockNow } from "@/lib/platform/clock";

export const DEFAULT_EDIT_WINDOW_HOURS = 72;

export function editWindowHours(): number {
  const value = Number(process.env.VISIT_EDIT_WINDOW_HOURS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_EDIT_WINDOW_HOURS;
}

/** When the window of a visit saved at `createdAt` closes. */
export function editableUntil(createdAt: Date, hours = editWindowHours()): Date {
  return new Date(createdAt.getTime() + hours * 3_600_000);
}

/** The author, within the window. (The role's permission and the scope are checked separately.) */
export function isEditableBy(visit: { officerId: string; createdAt: Date }, actorId: string, now = clockNow()): boolean {
  return visit.officerId === actorId && now < editableUntil(visit.createdAt);
}
