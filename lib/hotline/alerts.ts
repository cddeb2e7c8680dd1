// The clock timer's work (pg-boss job "hotline.clock", see schedule.ts). Re-reads the
// request: when the clock is still running at the warning / due time, records one
// ServiceRequestAlert row — its primary key (request, clock, kind) makes a job that runs
// twice (a retry after a crash, two workers) notify once — then tells whoever holds the
// request and the nearest manager(s). Notices fold into one per user (digestKey).
import "server-only";
import { now as clockNow } from "@/lib/platform/clock";
import { db, type Db } from "@/lib/platform/db/client";
import { appendAudit } from "@/lib/platform/audit/write";
import { notify } from "@/lib/platform/notifications/notify";
import { dueOf, metOf } from "./clocks";
import { requestLink } from "./mutations";
import { HOTLINE_NOTICES, noticeOf } from "./notices";
import { holders, nearestManagers } from "./recipients";
import { alertStageKey, type ClockJobData } from "./schedule";
import { OPEN_STATUSES } from "./transitions";

export type ClockCheckOutcome = "fired" | "alreadyFired" | "met" | "closed" | "stale" | "early" | "missing";

export async function runClockCheck(data: ClockJobData, now = clockNow(), client: Db = db): Promise<ClockCheckOutcome> {
  return client.$transaction(async (tx) => {
    const r = await tx.serviceRequest.findUnique({
      where: { id: data.requestId },
      select: {
        id: true, number: true, status: true, programmeId: true, orgUnitId: true, assigneeId: true, leadDepartmentId: true, receivedById: true,
        acceptDueAt: true, assignDueAt: true, respondDueAt: true, acceptedAt: true, assignedAt: true, respondedAt: true,
        orgUnit: { select: { path: true } },
      },
    });
    if (!r) return "missing";
    if (!(OPEN_STATUSES as readonly string[]).includes(r.status)) return "closed";
    const due = dueOf(r, data.stage);
    // The due time moved since this job was scheduled (an approved extension): its own jobs take over.
    if (due.toISOString() !== data.dueAt) return "stale";
    if (metOf(r, data.stage)) return "met";
    if (data.kind === "BREACH" && now < due) return "early";

    const stage = alertStageKey(data.stage, data.seq);
    const inserted = await tx.$executeRaw`
      INSERT INTO service_request_alert ("requestId", stage, kind, "firedAt")
      VALUES (${r.id}, ${stage}, ${data.kind}, ${now})
      ON CONFLICT DO NOTHING`;
    if (inserted === 0) return "alreadyFired";

    const kind = data.kind === "BREACH" ? "breach" : "warning";
    await tx.serviceRequestEvent.create({ data: { requestId: r.id, kind, actorId: null, at: now, data: { stage: data.stage, dueAt: data.dueAt } } });
    const userIds = [...new Set([...(await holders(r, tx)), ...(await nearestManagers(r.orgUnit.path, tx))])];
    await notify({
      userIds,
      ...noticeOf(data.kind === "BREACH" ? HOTLINE_NOTICES.breach : HOTLINE_NOTICES.warning, r.programmeId),
      titleKey: data.kind === "BREACH" ? "hotline.notify.breach" : "hotline.notify.warning",
      params: { number: r.number, stage: data.stage },
      link: requestLink(r.id),
      entityType: "ServiceRequest",
      entityId: r.id,
      // Several clocks (or requests) running out fold into one notice per user while unread.
      digestKey: `hotline.${kind}`,
    }, tx);
    await appendAudit({ actorId: null, actorName: "system", requestId: null, ip: null }, {
      action: `request.${kind}`, entityType: "ServiceRequest", entityId: r.id, orgUnitId: r.orgUnitId,
      data: { stage: data.stage, dueAt: data.dueAt, notified: userIds.length },
    }, tx);
    return "fired";
  });
}
