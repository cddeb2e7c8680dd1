import { z } from "zod";
import { isoDate } from "@/lib/platform/schema-fields";
import { numberRequired } from "@/lib/platform/i18n/number-input";
import { defineAction } from "@/lib/platform/contract";

/** Event types (活动); names in messages under "campaigns.eventTypes.<type>". */
export const EVENT_TYPES = ["CLINIC", "CULTURE", "SUMMER_CLASS", "BASKETBALL", "JOB_FAIR", "OTHER"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const id = z.string().min(1).max(64);

/** Organiser and campaign scoping come from the server; the form names only these fields. */
export const createEventSchema = z.strictObject({
  programmeId: id,
  orgUnitId: z.string().min(1, "@required").max(64),
  type: z.enum(EVENT_TYPES),
  title: z.string().trim().min(2, "@required").max(100),
  heldOn: isoDate,
  participants: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number(numberRequired).int("@campaignWholeNumber").min(0, "@notNegative").max(100000),
  ),
  notes: z.string().trim().max(2000),
});

export type CreateEventInput = z.infer<typeof createEventSchema>;
export type CreateEventFormValues = z.input<typeof createEventSchema>;

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const createEventContract = defineAction({ name: "event.create", schema: createEventSchema, idempotent: true });
