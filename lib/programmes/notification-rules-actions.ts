"use server";
// Saving a programme's notice rules: whoever configures notifications (admins) for the
// programme's own unit or above (assertCan with the programme's owner path). One row per kind
// the programme's type declares; a kind the type does not raise is refused rather than stored.
// Audited with each changed kind's before and after.
import { now as clockNow } from "@/lib/platform/clock";
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { programmeNotificationRules } from "./notification-rules";
import { saveNotificationRulesContract } from "./notification-rules-schema";
import { getProgrammeOrThrow } from "./queries";

export const saveNotificationRulesAction = action(
  saveNotificationRulesContract, { revalidate: ["/programmes"] },
  async (input, { user, tx, audit }) => {
    const programme = await getProgrammeOrThrow(user, input.programmeId, tx);
    assertCan(user, "notification.configure", programme);
    const current = new Map((await programmeNotificationRules(programme, tx)).map((r) => [r.kind, r]));
    const at = clockNow();
    const changes: { kind: string; before: { external: boolean; urgent: boolean }; after: { external: boolean; urgent: boolean } }[] = [];
    for (const rule of input.rules) {
      const was = current.get(rule.kind);
      if (!was) throw new NotFoundError();
      await tx.programmeNotificationRule.upsert({
        where: { programmeId_kind: { programmeId: programme.id, kind: rule.kind } },
        create: { programmeId: programme.id, kind: rule.kind, external: rule.external, urgent: rule.urgent, updatedAt: at, updatedById: user.id },
        update: { external: rule.external, urgent: rule.urgent, updatedAt: at, updatedById: user.id },
      });
      if (was.external !== rule.external || was.urgent !== rule.urgent) {
        changes.push({ kind: rule.kind, before: { external: was.external, urgent: was.urgent }, after: { external: rule.external, urgent: rule.urgent } });
      }
    }
    await audit({
      action: "programme.saveNotificationRules", entityType: "Programme", entityId: programme.id, orgUnitId: programme.orgUnitId,
      data: { changes },
    });
    return { id: programme.id, changed: changes.length };
  },
);
