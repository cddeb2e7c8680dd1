// The per-programme notice rules form (/programmes/[id]/notifications): for each kind of
// notice the programme's type raises, whether it goes to the external channels at all and
// whether it is urgent (sent at once, even outside working hours).
import { z } from "zod";
import { defineAction } from "@/lib/platform/contract";
import { notificationKindSchema } from "@/lib/platform/notifications/schemas";

export const saveNotificationRulesSchema = z.strictObject({
  programmeId: z.string().min(1).max(64),
  rules: z.array(z.strictObject({ kind: notificationKindSchema, external: z.boolean(), urgent: z.boolean() })).min(1).max(50),
});

export type SaveNotificationRulesInput = z.infer<typeof saveNotificationRulesSchema>;

export const saveNotificationRulesContract = defineAction({ name: "programme.saveNotificationRules", schema: saveNotificationRulesSchema });
