// Real records of one area that callers of other areas aim at in the authorization sweep
// (tests/support/action-registry.ts): 萧山区浦阳镇 径游村's households, visits, problems, events
// and mentorship pairings, 浦阳's campaign, 良渚街道's hotline requests, 余杭经开区's talent
// points and investment, 未来科技城's showcase, 余杭区's key projects. Everything is read from the
// seeded demo; the few kinds of row the demo has none of (a visit photo, an evidence file) are
// added here.
import { db } from "@/lib/platform/db/client";
import { makeCreditCode } from "@/lib/registers/credit-code";
import { makeIdNumber } from "@/lib/talent/id-number";
import { evidenceStorageKey } from "@/lib/talent/points/evidence";
import { storage } from "@/lib/platform/storage";
import { photoStorageKey } from "@/lib/visits/photos";
import { demoUser, unitByCode } from "./fixtures";
import { addDaysYmd, demoToday, demoYear } from "./time";

/** A 1×1 PNG header: enough bytes to store and serve. */
/**
 * A record in the state an authorised caller would act on, when the living demo has one on the
 * day it was seeded for; else any record of the same area. The sweep's callers are refused for
 * the record's area, which is decided before its state, so either proves the check.
 */
async function prefer<T>(wanted: Promise<T | null>, anyOfArea: () => Promise<T>): Promise<T> {
  return (await wanted) ?? anyOfArea();
}

export const PROBE_PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);

const programme = (type: "VISIT_CAMPAIGN" | "HOTLINE" | "TALENT_POINTS" | "SHOWCASE" | "INVESTMENT" | "KEY_PROJECT" | "MENTORSHIP", code: string) =>
  db.programme.findFirstOrThrow({ where: { type, status: "ACTIVE", orgUnit: { code } }, orderBy: { startDate: "desc" } });

export async function loadSweepFixtures() {
  const unit = Object.fromEntries(
    await Promise.all(["HZ", "XS", "XS-PY", "XS-PY-JY", "XS-PY-AS", "YH", "YH-LZ", "YH-LZ-QQB", "YH-ETDZ", "YH-FST", "XH-GD"].map(async (c) => [c, await unitByCode(c)] as const)),
  );
  const jy = unit["XS-PY-JY"]!;
  const lz = unit["YH-LZ"]!;
  const etdz = unit["YH-ETDZ"]!;
  const users = Object.fromEntries(
    await Promise.all(["py.jy.officer", "py.jy.sec", "py.manager", "lz.qqb", "etdz.officer", "fst.officer1", "fst.officer2", "py.sec12"].map(async (u) => [u, await demoUser(u)] as const)),
  );

  // 浦阳's visit campaign and 径游's records in it.
  const campaign = await programme("VISIT_CAMPAIGN", "XS-PY");
  const household = await db.household.findFirstOrThrow({ where: { orgUnitId: jy.id, active: true }, orderBy: { householdKey: "asc" } });
  const visit = await db.visit.findFirstOrThrow({ where: { orgUnitId: jy.id, programmeId: campaign.id }, orderBy: { visitedAt: "desc" } });
  // A stored file behind the row, so that an authorised user would really get it.
  const photoId = crypto.randomUUID();
  const photo = await db.visitPhoto.create({ data: { id: photoId, visitId: visit.id, storageKey: photoStorageKey(visit.id, photoId), mimeType: "image/png", sizeBytes: PROBE_PNG.length } });
  await storage().put(photo.storageKey, PROBE_PNG);
  // An open problem of its own: whether the living demo has one open in 径游 depends on the day
  // it was seeded for (the date-shifted runs found a day with none).
  const problem = await db.problem.create({ data: { visitId: visit.id, programmeId: campaign.id, orgUnitId: jy.id, title: "村口路灯不亮" } });
  const campaignSetup = {
    participants: await db.campaignParticipant.findMany({ where: { programmeId: campaign.id } }),
    assignments: await db.campaignAssignment.findMany({ where: { programmeId: campaign.id } }),
    checkItems: await db.campaignCheckItem.findMany({ where: { programmeId: campaign.id } }),
    rules: await db.campaignFrequencyRule.findMany({ where: { programmeId: campaign.id } }),
  };

  // 浦阳's mentorship programme: 径游's pairing and its plan.
  const mentorship = await programme("MENTORSHIP", "XS-PY");
  const pairingInclude = { plan: { include: { goals: { include: { milestones: true } } } } } as const;
  const pairing = await prefer(
    db.pairing.findFirst({ where: { programmeId: mentorship.id, orgUnitId: jy.id, status: "ACTIVE", plan: { isNot: null } }, include: pairingInclude }),
    () => db.pairing.findFirstOrThrow({ where: { programmeId: mentorship.id, orgUnitId: jy.id, plan: { isNot: null } }, include: pairingInclude }),
  );
  const plan = pairing.plan!;
  const milestone = plan.goals.flatMap((g) => g.milestones).find((m) => m.status !== "SIGNED_OFF") ?? plan.goals.flatMap((g) => g.milestones)[0]!;
  const trainee = await db.poolMember.findFirstOrThrow({ where: { programmeId: mentorship.id, pool: "TRAINEE", userId: pairing.traineeId } });
  const mentor = await db.poolMember.findFirstOrThrow({ where: { programmeId: mentorship.id, pool: "MENTOR", userId: pairing.mentorId } });
  const template = await db.planTemplate.findFirstOrThrow({ where: { programmeId: mentorship.id } });
  const freeMentor = await prefer(
    db.poolMember.findFirst({ where: { programmeId: mentorship.id, pool: "MENTOR", status: "ACTIVE", userId: { not: pairing.mentorId } } }),
    () => db.poolMember.findFirstOrThrow({ where: { programmeId: mentorship.id, pool: "MENTOR", userId: { not: pairing.mentorId } } }),
  );

  // 良渚街道's hotline.
  const hotline = await programme("HOTLINE", "YH-LZ");
  const request = (status: "RECEIVED" | "ACCEPTED" | "ASSIGNED" | "RESPONDED" | "RESOLVED", skip = 0) =>
    prefer(
      db.serviceRequest.findFirst({ where: { programmeId: hotline.id, orgUnitId: lz.id, status }, orderBy: { number: "asc" }, skip }),
      () => db.serviceRequest.findFirstOrThrow({ where: { orgUnitId: lz.id }, orderBy: { number: "asc" }, skip }),
    );
  const requests = {
    received: await request("RECEIVED"),
    received2: await request("RECEIVED", 1),
    accepted: await request("ACCEPTED"),
    assigned: await request("ASSIGNED"),
    responded: await request("RESPONDED"),
    resolved: await request("RESOLVED"),
  };
  const extension = await prefer(
    db.serviceRequestExtension.findFirst({ where: { status: "PENDING" }, include: { request: true } }),
    () => db.serviceRequestExtension.findFirstOrThrow({ include: { request: true } }),
  );
  // A lead department, assignee or co-handler elsewhere in the district works on the request
  // legitimately (it reaches them "via department"): their units are not another area for it.
  const handlerUnits = async (id: string) => {
    const r = await db.serviceRequest.findUniqueOrThrow({ where: { id }, include: { assignee: true, coHandlers: true } });
    return [r.leadDepartmentId, r.assignee?.orgUnitId, ...r.coHandlers.map((c) => c.orgUnitId)];
  };
  const lzEnterprise = await db.enterprise.findFirstOrThrow({ where: { orgUnitId: lz.id, active: true }, orderBy: { name: "asc" } });

  // 良渚's service station (SERVICE_STATION), made here so the sweep does not depend on where the
  // demo seats its own: two items of different departments, a case in progress with an open
  // round-table, an appointment not started yet, and a document with its file.
  const lzQqb = users["lz.qqb"]!;
  const stationProgramme = await db.programme.create({
    data: { type: "SERVICE_STATION", name: "良渚驿站（授权巡检）", orgUnitId: lz.id, status: "ACTIVE", createdById: lzQqb.id, startDate: hotline.startDate, endDate: hotline.endDate },
  });
  const station = await db.serviceStation.create({ data: { programmeId: stationProgramme.id, orgUnitId: lz.id, name: "良渚驿站" } });
  const stationItems = await Promise.all([["SW-A", "市场监管局"], ["SW-B", "消防救援大队"]].map(([code, department], i) =>
    db.serviceItem.create({ data: { stationId: station.id, code: code!, kind: "STAFFED", name: `巡检事项${i + 1}`, department: department!, standardMinutes: 10, usualMinutes: 40 } })));
  const stationBundle = await db.serviceBundle.create({
    data: { stationId: station.id, code: "SW-BUNDLE", name: "巡检一类事", items: { create: stationItems.map((i, sortOrder) => ({ itemId: i.id, sortOrder })) } },
  });
  const stationCase = (number: string, status: "IN_PROGRESS" | "SCHEDULED") => db.serviceCase.create({
    data: {
      stationId: station.id, programmeId: stationProgramme.id, orgUnitId: lz.id, number, channel: status === "SCHEDULED" ? "APPOINTMENT" : "WALK_IN", enterpriseId: lzEnterprise.id,
      staffId: lzQqb.id, createdById: lzQqb.id, status, startedAt: status === "IN_PROGRESS" ? stationProgramme.createdAt : null, scheduledAt: status === "SCHEDULED" ? stationProgramme.createdAt : null,
      items: { create: stationItems.map((i) => ({ itemId: i.id, standardMinutes: i.standardMinutes, usualMinutes: i.usualMinutes })) },
    },
  });
  const serviceCase = await stationCase(`SWEEP-${crypto.randomUUID()}`, "IN_PROGRESS");
  const scheduledCase = await stationCase(`SWEEP-${crypto.randomUUID()}`, "SCHEDULED");
  const roundTableCase = await stationCase(`SWEEP-${crypto.randomUUID()}`, "IN_PROGRESS");
  const roundTable = await db.roundTable.create({
    data: { caseId: roundTableCase.id, topic: "巡检联审", openedById: lzQqb.id, opinions: { create: stationItems.map((i) => ({ department: i.department })) } },
  });
  await db.serviceCase.update({ where: { id: roundTableCase.id }, data: { status: "ROUND_TABLE" } });
  const caseDocument = await db.serviceCaseDocument.create({
    data: { caseId: serviceCase.id, fileKey: `service-stations/cases/${serviceCase.id}/${crypto.randomUUID()}`, fileName: "营业执照.png", mime: "image/png", size: PROBE_PNG.length, uploadedById: lzQqb.id },
  });
  await storage().put(caseDocument.fileKey, PROBE_PNG);

  // 余杭经开区's talent points.
  const talentPoints = await programme("TALENT_POINTS", "YH-ETDZ");
  const etdzEnterprise = await db.enterprise.findFirstOrThrow({ where: { orgUnitId: etdz.id } });
  const talent = await db.talent.findFirstOrThrow({ where: { orgUnitId: etdz.id, active: true }, orderBy: { name: "asc" } });
  const application = (status: "DRAFT" | "SUBMITTED" | "UNDER_REVIEW") =>
    prefer(
      db.pointApplication.findFirst({ where: { programmeId: talentPoints.id, status }, include: { lines: true } }),
      () => db.pointApplication.findFirstOrThrow({ where: { programmeId: talentPoints.id }, include: { lines: true } }),
    );
  const applications = { draft: await application("DRAFT"), submitted: await application("SUBMITTED"), underReview: await application("UNDER_REVIEW") };
  const evidenceId = crypto.randomUUID();
  const evidence = await db.pointEvidence.create({
    data: { id: evidenceId, applicationId: applications.draft.id, evidenceType: "证书", storageKey: evidenceStorageKey(applications.draft.id, evidenceId), fileName: "probe.png", mimeType: "image/png", sizeBytes: PROBE_PNG.length },
  });
  await storage().put(evidence.storageKey, PROBE_PNG);
  const pointItem = await db.pointItem.findFirstOrThrow({ where: { programmeId: talentPoints.id, active: true, subject: "TALENT" }, orderBy: { code: "asc" } });
  const resource = await db.pointResource.findFirstOrThrow({ where: { programmeId: talentPoints.id, active: true }, orderBy: { code: "asc" } });
  const tiers = await db.enterpriseTier.findMany({ where: { programmeId: talentPoints.id }, orderBy: { tier: "asc" } });
  const redemption = (status: "REQUESTED" | "APPROVED") =>
    prefer(db.redemption.findFirst({ where: { orgUnitId: etdz.id, status } }), () => db.redemption.findFirstOrThrow({ where: { orgUnitId: etdz.id } }));
  const redemptions = { requested: await redemption("REQUESTED"), approved: await redemption("APPROVED") };
  const grant = await db.pointLedgerEntry.findFirstOrThrow({ where: { kind: "GRANT", reversedBy: null, account: { orgUnitId: etdz.id } }, orderBy: { seq: "asc" } });

  // 未来科技城's showcase.
  const showcase = await programme("SHOWCASE", "YH-FST");
  const sessionInclude = { criteria: true, judges: true, entries: true } as const;
  const openSession = await prefer(
    db.showcaseSession.findFirst({ where: { programmeId: showcase.id, status: "OPEN" }, include: sessionInclude }),
    () => db.showcaseSession.findFirstOrThrow({ where: { programmeId: showcase.id }, include: sessionInclude }),
  );
  const closedSession = await prefer(
    db.showcaseSession.findFirst({ where: { programmeId: showcase.id, status: "CLOSED" }, include: { entries: true } }),
    () => db.showcaseSession.findFirstOrThrow({ where: { programmeId: showcase.id }, include: { entries: true } }),
  );
  const judgeIds = new Set(openSession.judges.map((j) => j.userId));
  const entry = openSession.entries.find((e) => !judgeIds.has(e.officerId)) ?? openSession.entries[0]!;

  // 余杭经开区's investment, 余杭区's key projects.
  const investment = await programme("INVESTMENT", "YH-ETDZ");
  const taskForce = await db.taskForce.findFirstOrThrow({ where: { programmeId: investment.id, orgUnitId: etdz.id }, include: { members: true } });
  const lead = await prefer(
    db.investmentLead.findFirst({ where: { programmeId: investment.id, orgUnitId: etdz.id, stage: "LEAD" } }),
    () => db.investmentLead.findFirstOrThrow({ where: { programmeId: investment.id, orgUnitId: etdz.id } }),
  );
  const prospect = await db.prospect.findFirstOrThrow({ where: { programmeId: investment.id, convertedEnterpriseId: null } });
  const keyProjects = await programme("KEY_PROJECT", "YH");
  const keyProject = await prefer(
    db.keyProject.findFirst({ where: { programmeId: keyProjects.id, stage: "PLANNED", orgUnitId: etdz.id } }),
    () => db.keyProject.findFirstOrThrow({ where: { programmeId: keyProjects.id, orgUnitId: etdz.id } }),
  );
  const pledge = await prefer(
    db.pledge.findFirst({ where: { programmeId: keyProjects.id, status: "OPEN", orgUnitId: etdz.id } }),
    () => db.pledge.findFirstOrThrow({ where: { programmeId: keyProjects.id, orgUnitId: etdz.id } }),
  );

  const rankingScheme = await db.rankingScheme.findFirstOrThrow({ where: { parentOrgUnitId: unit["XS-PY"]!.id }, include: { weights: true } });
  const notification = await prefer(
    db.notification.findFirst({ where: { userId: users["lz.qqb"]!.id, readAt: null } }),
    () => db.notification.findFirstOrThrow({ where: { userId: users["lz.qqb"]!.id } }),
  );
  // A delivery to 良渚 亲清办's user that failed for good: what the admin page's retry re-queues.
  const failedDelivery = await db.notificationDelivery.create({
    data: { channel: "dingtalk", userId: users["lz.qqb"]!.id, kind: "sweep.probe", status: "FAILED", attempts: 5, lastError: "sweep probe" },
  });

  return {
    unit, users, year: demoYear, today: demoToday, later: addDaysYmd(demoToday, 30),
    campaign, household, visit, photo, problem, campaignSetup,
    mentorship, pairing, plan, milestone, trainee, mentor, freeMentor, template,
    hotline, requests, extension, lzEnterprise,
    stationProgramme, station, stationItems, stationBundle, serviceCase, scheduledCase, roundTable, caseDocument,
    /** Every unit that leads, handles or co-handles one of 良渚's requests. */
    hotlineHandlerUnits: [
      ...new Set(
        (await db.serviceRequest.findMany({ where: { programmeId: hotline.id }, include: { assignee: true, coHandlers: true } }))
          .flatMap((r) => [r.leadDepartmentId, r.assignee?.orgUnitId, ...r.coHandlers.map((c) => c.orgUnitId)]),
      ),
    ],
    handlerUnits: {
      assigned: await handlerUnits(requests.assigned.id), responded: await handlerUnits(requests.responded.id),
      resolved: await handlerUnits(requests.resolved.id), extension: await handlerUnits(extension.requestId),
    },
    talentPoints, etdzEnterprise, talent, applications, evidence, pointItem, resource, tiers, redemptions, grant,
    showcase, openSession, closedSession, entry,
    investment, taskForce, lead, prospect, keyProjects, keyProject, pledge,
    rankingScheme, notification, failedDelivery,
    /** Valid identifiers nobody holds yet, so a create fails only on authorization. */
    newCreditCode: makeCreditCode(987_654_321),
    newIdNumber: makeIdNumber("330110", "19900101", 357),
  };
}

/** Removes the files the fixtures stored (the rows go with the file's database). */
export async function removeSweepFiles(fx: SweepFixtures) {
  await storage().delete(fx.photo.storageKey);
  await storage().delete(fx.evidence.storageKey);
  await storage().delete(fx.caseDocument.fileKey);
}

export type SweepFixtures = Awaited<ReturnType<typeof loadSweepFixtures>>;
