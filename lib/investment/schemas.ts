// Investment (招商) inputs. Strict allow-lists: programme/org unit/owner/stage come from the
// server or are checked against the user's scope; amounts arrive as text + unit and are
// converted to 万元 exactly (amount.ts).
import { z } from "zod";
import { isoDate } from "@/lib/platform/schema-fields";
import { numberRequired } from "@/lib/platform/i18n/number-input";
import { AMOUNT_UNITS, parseAmount } from "@/lib/platform/money";
import { defineAction } from "@/lib/platform/contract";

export const TASK_FORCE_KINDS = ["LEADERSHIP", "DEPARTMENT", "STREET_PLATFORM"] as const;
export const LEAD_STAGES = ["LEAD", "NEGOTIATING", "SIGNED", "LANDED", "LOST"] as const;
export type LeadStageValue = (typeof LEAD_STAGES)[number];

const id = z.string().min(1).max(64);
const optionalId = z.string().max(64).default("");
const version = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().max(max).default("");
const requiredText = (max: number) => z.string().trim().min(1, "@required").max(max);
/** "" is "not given". */
export const optionalDate = z.union([z.literal(""), isoDate]).default("");
const count = z.coerce.number(numberRequired).int().min(0, "@notNegative").max(100_000);

export const amountUnitField = z.enum(AMOUNT_UNITS);
/** An amount as typed; "" allowed when `optional`. Checked against its unit in the object refinement. */
const amountText = z.string().trim().max(30).default("");

/** Adds "@investment.amountFormat" on `field` when the text is not a valid amount in `unitField`'s unit. */
function checkAmount(v: Record<string, unknown>, ctx: z.RefinementCtx, field: string, unitField: string, required: boolean) {
  const value = String(v[field] ?? "");
  if (!value) {
    if (required) ctx.addIssue({ code: "custom", path: [field], message: "@required" });
    return;
  }
  if (parseAmount(value, v[unitField] as "WAN" | "YI") === null) ctx.addIssue({ code: "custom", path: [field], message: "@investment.amountFormat" });
}

/** Sectors typed as one line, separated by commas, 、 or spaces. */
export const sectorsField = z
  .string()
  .max(300)
  .default("")
  .transform((v) => [...new Set(v.split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean))])
  .pipe(z.array(z.string().max(20)).max(10));

const taskForceFields = {
  name: requiredText(60),
  kind: z.enum(TASK_FORCE_KINDS),
  orgUnitId: z.string().min(1, "@required").max(64),
  leaderId: z.string().min(1, "@required").max(64),
  memberIds: z.array(id).max(50).default([]),
  sectors: sectorsField,
  targetTrips: count,
  targetEnterprises: count,
  targetProjects: count,
  targetInvestment: amountText,
  targetInvestmentUnit: amountUnitField.default("YI"),
};

export const createTaskForceSchema = z
  .strictObject({ programmeId: id, ...taskForceFields })
  .superRefine((v, ctx) => checkAmount(v, ctx, "targetInvestment", "targetInvestmentUnit", false));

export const updateTaskForceSchema = z
  .strictObject({ id, version, ...taskForceFields, active: z.boolean().default(true) })
  .superRefine((v, ctx) => checkAmount(v, ctx, "targetInvestment", "targetInvestmentUnit", false));

export const MEETING_KINDS = ["ENTERPRISE", "PROSPECT"] as const;

/** One enterprise met on a trip: a register enterprise (by id) or a prospect (existing by id, or new by name). */
export const meetingSchema = z
  .strictObject({
    kind: z.enum(MEETING_KINDS),
    enterpriseId: optionalId,
    prospectId: optionalId,
    prospectName: text(100),
    prospectCity: text(40),
    prospectSector: text(40),
    prospectContact: text(40),
    notes: text(1000),
  })
  .superRefine((m, ctx) => {
    if (m.kind === "ENTERPRISE" && !m.enterpriseId) ctx.addIssue({ code: "custom", path: ["enterpriseId"], message: "@required" });
    if (m.kind === "PROSPECT" && !m.prospectId && !m.prospectName) ctx.addIssue({ code: "custom", path: ["prospectName"], message: "@required" });
  });

export const createTripSchema = z
  .strictObject({
    taskForceId: z.string().min(1, "@required").max(64),
    startDate: isoDate,
    endDate: isoDate,
    destinationCity: requiredText(40),
    participantIds: z.array(id).max(50).default([]),
    meetings: z.array(meetingSchema).max(50).default([]),
    notes: text(2000),
  })
  .superRefine((v, ctx) => {
    if (v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "@endBeforeStart" });
  });

export const LEAD_SOURCES = ["MEETING", "ENTERPRISE", "PROSPECT"] as const;

export const createLeadSchema = z
  .strictObject({
    taskForceId: z.string().min(1, "@required").max(64),
    source: z.enum(LEAD_SOURCES),
    tripMeetingId: optionalId,
    enterpriseId: optionalId,
    prospectId: optionalId,
    prospectName: text(100),
    prospectCity: text(40),
    title: requiredText(100),
    sector: text(40),
    plannedAmount: amountText,
    plannedUnit: amountUnitField.default("WAN"),
  })
  .superRefine((v, ctx) => {
    checkAmount(v, ctx, "plannedAmount", "plannedUnit", true);
    if (v.source === "MEETING" && !v.tripMeetingId) ctx.addIssue({ code: "custom", path: ["tripMeetingId"], message: "@required" });
    if (v.source === "ENTERPRISE" && !v.enterpriseId) ctx.addIssue({ code: "custom", path: ["enterpriseId"], message: "@required" });
    if (v.source === "PROSPECT" && !v.prospectId && !v.prospectName) ctx.addIssue({ code: "custom", path: ["prospectName"], message: "@required" });
  });

/**
 * One stage change. What must come with it depends on the target stage: 签约 needs the date,
 * the signed amount and the contract number; 落地 the landing date; 未落地/流失 a reason.
 */
export const transitionLeadSchema = z
  .strictObject({
    id,
    version,
    to: z.enum(LEAD_STAGES),
    signedOn: optionalDate,
    signedAmount: amountText,
    signedUnit: amountUnitField.default("WAN"),
    contractNo: text(60),
    landedOn: optionalDate,
    lostReason: text(500),
    note: text(1000),
  })
  .superRefine((v, ctx) => {
    const need = (field: keyof typeof v) => {
      if (!v[field]) ctx.addIssue({ code: "custom", path: [field], message: "@required" });
    };
    if (v.to === "SIGNED") {
      need("signedOn");
      need("contractNo");
      checkAmount(v, ctx, "signedAmount", "signedUnit", true);
    }
    if (v.to === "LANDED") need("landedOn");
    if (v.to === "LOST") need("lostReason");
  });

export const convertProspectSchema = z.strictObject({
  id,
  version,
  name: requiredText(100),
  creditCode: z.string().max(30),
  orgUnitId: z.string().min(1, "@required").max(64),
  address: text(200),
  industry: text(40),
  size: z.enum(["ABOVE_SCALE", "SMALL_MICRO"]).default("SMALL_MICRO"),
});

/** Programme.settings of an INVESTMENT programme. Unknown keys are kept by the writer. */
export const investmentSettingsSchema = z.object({ shareLeads: z.boolean().default(false) });
export type InvestmentSettings = z.infer<typeof investmentSettingsSchema>;

/** Settings as stored (anything): invalid or missing values fall back to the defaults. */
export function readInvestmentSettings(value: unknown): InvestmentSettings {
  const parsed = investmentSettingsSchema.safeParse(value && typeof value === "object" ? value : {});
  return parsed.success ? parsed.data : { shareLeads: false };
}

export const updateInvestmentSettingsSchema = z.strictObject({ programmeId: id, version, shareLeads: z.boolean() });

export const enterpriseLookupSchema = z.strictObject({ programmeId: id, q: z.string().trim().min(1).max(40) });

export type CreateTaskForceInput = z.infer<typeof createTaskForceSchema>;
export type UpdateTaskForceInput = z.infer<typeof updateTaskForceSchema>;
export type CreateTripInput = z.infer<typeof createTripSchema>;
export type CreateTripValues = z.input<typeof createTripSchema>;
export type CreateLeadInput = z.infer<typeof createLeadSchema>;
export type CreateLeadValues = z.input<typeof createLeadSchema>;
export type TransitionLeadInput = z.infer<typeof transitionLeadSchema>;
export type TransitionLeadValues = z.input<typeof transitionLeadSchema>;
export type ConvertProspectInput = z.infer<typeof convertProspectSchema>;

// Action contracts (lib/platform/contract.ts): name and schema, shared by the action and its form.
export const createTaskForceContract = defineAction({ name: "investment.taskForce.create", schema: createTaskForceSchema, idempotent: true });
export const updateTaskForceContract = defineAction({ name: "investment.taskForce.update", schema: updateTaskForceSchema });
export const createTripContract = defineAction({ name: "investment.trip.create", schema: createTripSchema, idempotent: true });
export const createLeadContract = defineAction({ name: "investment.lead.create", schema: createLeadSchema, idempotent: true });
export const transitionLeadContract = defineAction({ name: "investment.lead.transition", schema: transitionLeadSchema });
export const convertProspectContract = defineAction({ name: "investment.prospect.convert", schema: convertProspectSchema });
export const updateInvestmentSettingsContract = defineAction({ name: "investment.settings.update", schema: updateInvestmentSettingsSchema });
