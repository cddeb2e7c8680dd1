// "Every new year prepared": the checklist admins see from 1 November (Shanghai) until next
// year is ready, programme rollover into the next period, the calendar-year confirmation and
// the request page's notice for unconfirmed years. Years are derived from the seed anchor
// (demoYear: the year the demo's programmes run in); the clock is pinned where "now" matters.
import { createTranslator } from "next-intl";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/programmes/messages";
import { db } from "@/lib/platform/db/client";
import { bulkLoadCalendarAction, confirmCalendarYearAction, deleteCalendarDayAction, saveCalendarDayAction, unconfirmCalendarYearAction } from "@/lib/platform/calendar/actions";
import { calendarYearReadiness, unconfirmedClockYears } from "@/lib/platform/calendar/confirmation";
import { provisionalHolidays, provisionalListText, PROVISIONAL_MARK } from "@/lib/platform/calendar/provisional";
import { newYearBanner, newYearChecklist, yearBeingPrepared, type ChecklistItem } from "@/lib/new-year/readiness";
import { allocateTierQuotasAction, saveQuotaAction } from "@/lib/talent/points/config-actions";
import { createProgrammeAction, updateProgrammeAction } from "@/lib/programmes/actions";
import { getProgrammeOrThrow } from "@/lib/programmes/queries";
import { rolloverProgrammeAction } from "@/lib/programmes/rollover-actions";
import { rolloverDefaults, type RolloverFormValues } from "@/lib/programmes/rollover-schema";
import { formatDateOnly } from "@/lib/programmes/period";
import { pinClock, unpinClock } from "@/lib/platform/clock";
import HotlinePage from "@/app/(app)/hotline/page";
import { elementText, findElements } from "../support/element-tree";
import { resetRequest, signOut } from "../support/next-stubs";
import { actAs, unitByCode, sessionUser } from "../support/fixtures";
import { addDaysYmd, demoYear, shanghaiInstant, shanghaiYear, ymd } from "../support/time";

const Y = demoYear;
const NEXT = Y + 1;
const PY_CAMPAIGN = `${Y}年浦阳镇“民情双访”`;

beforeEach(() => resetRequest());
afterEach(() => unpinClock());

async function programmeByName(name: string) {
  return db.programme.findFirstOrThrow({ where: { name } });
}

/** The rollover form's prefilled values for a programme, as the rollover page builds them. */
async function defaultsFor(id: string): Promise<RolloverFormValues> {
  const p = await getProgrammeOrThrow(await sessionUser("admin"), id);
  return rolloverDefaults({
    id: p.id, version: p.version, name: p.name, startDate: formatDateOnly(p.startDate), endDate: formatDateOnly(p.endDate),
    periods: p.indicators.flatMap((i) => i.targets.map((t) => t.period)),
  });
}

/** Nothing written: the programme count, the source's status/version and the audit count are unchanged. */
async function snapshot(sourceId: string) {
  const source = await db.programme.findUniqueOrThrow({ where: { id: sourceId }, select: { status: true, version: true } });
  return { programmes: await db.programme.count(), source, audits: await db.auditLog.count({ where: { outcome: "OK" } }) };
}

/** Makes a year's calendar confirmable: a holiday beyond 元旦 unless the seed already has one. */
/** Loads the year's "notice": its statutory days without the provisional mark (the seed may
 *  have loaded them as 暂定 for a year whose notice holidays-cn.ts does not hold). */
async function loadYear(year: number) {
  const ready = await calendarYearReadiness(year);
  if (ready.loaded && ready.provisional === 0) return;
  const lines = [`${ymd(year, 5, 1)} 休 劳动节`, ...provisionalHolidays(year).map((e) => `${e.date} 休 ${e.name.replace(PROVISIONAL_MARK, "")}`)];
  const r = await bulkLoadCalendarAction({ text: [...new Set(lines)].join("\n") });
  expect(r).toMatchObject({ ok: true });
}

const open = (items: ChecklistItem[]) => items.filter((i) => !i.done).map((i) => (i.kind === "calendar" ? "calendar" : `${i.kind}:${i.programmeName}`));

describe("the new-year checklist window", () => {
  it("opens on 1 November Shanghai time, not on 31 October (whatever UTC says)", async () => {
    expect(yearBeingPrepared(shanghaiInstant(Y, 10, 31, 23, 59, 59))).toBeNull();
    expect(yearBeingPrepared(shanghaiInstant(Y, 11, 1, 0, 0, 0))).toBe(NEXT);
    expect(yearBeingPrepared(shanghaiInstant(Y, 12, 31, 23, 59, 59))).toBe(NEXT);
    // January still prepares the year just begun: what was not done by midnight stays listed.
    expect(yearBeingPrepared(shanghaiInstant(NEXT, 1, 1, 0, 0, 0))).toBe(NEXT);
    expect(yearBeingPrepared(shanghaiInstant(NEXT, 1, 31, 23, 59, 59))).toBe(NEXT);
    expect(yearBeingPrepared(shanghaiInstant(NEXT, 2, 1, 0, 0, 0))).toBeNull();

    const admin = await sessionUser("admin");
    // This year's calendar confirmed (as the demo does for a year whose notice it holds): before
    // November nothing is to do. Unconfirmed, its item would show all year (checked below).
    const thisYear = await db.calendarYear.findUnique({ where: { year: Y } });
    if (!thisYear) await db.calendarYear.create({ data: { year: Y, confirmedAt: shanghaiInstant(Y, 1, 20), confirmedById: admin.id } });
    pinClock(shanghaiInstant(Y, 10, 31, 23, 59, 0));
    expect(await newYearBanner(admin)).toBeNull();
    pinClock(shanghaiInstant(Y, 11, 1, 0, 0, 0));
    const banner = await newYearBanner(admin);
    expect(banner?.year).toBe(NEXT);
    expect(banner?.items[0]).toMatchObject({ kind: "calendar", href: `/admin/calendar?year=${NEXT}` });
    // Programmes end on 31 December: each one still active and without a successor is to be
    // rolled over, linking to its rollover form.
    const campaign = await programmeByName(PY_CAMPAIGN);
    expect(banner?.items).toContainEqual(expect.objectContaining({ kind: "rollover", done: false, programmeId: campaign.id, href: `/programmes/${campaign.id}/rollover` }));

    // The last minute of January still shows the year's open items; 1 February does not —
    // but for the year's working calendar, while it is unconfirmed (its deadlines are wrong).
    pinClock(shanghaiInstant(NEXT, 1, 31, 23, 59, 0));
    expect((await newYearBanner(admin))?.year).toBe(NEXT);
    expect((await newYearBanner(admin))?.late).toBeUndefined();
    pinClock(shanghaiInstant(NEXT, 2, 1, 0, 0, 0));
    const kept = await db.calendarYear.findUnique({ where: { year: NEXT } });
    await db.calendarYear.deleteMany({ where: { year: NEXT } });
    const late = await newYearBanner(admin);
    expect(late).toMatchObject({ year: NEXT, late: true, done: 0, total: 1 });
    expect(late?.items).toEqual([expect.objectContaining({ kind: "calendar", done: false, href: `/admin/calendar?year=${NEXT}` })]);
    pinClock(shanghaiInstant(NEXT, 10, 31, 23, 59, 0));
    expect(open((await newYearBanner(admin))!.items)).toEqual(["calendar"]);
    for (const username of ["yh.manager", "py.officer"]) expect(await newYearBanner(await sessionUser(username))).toBeNull();
    // Confirmed: gone until the next November.
    await db.calendarYear.create({ data: { year: NEXT, confirmedAt: shanghaiInstant(NEXT, 1, 20), confirmedById: admin.id } });
    pinClock(shanghaiInstant(NEXT, 2, 1, 0, 0, 0));
    expect(await newYearBanner(admin)).toBeNull();
    await db.calendarYear.deleteMany({ where: { year: NEXT } });
    if (kept) await db.calendarYear.create({ data: kept });
    if (!thisYear) await db.calendarYear.deleteMany({ where: { year: Y } });
  });

  it("is for admins only", async () => {
    pinClock(shanghaiInstant(Y, 11, 15, 10));
    for (const username of ["yh.manager", "py.officer"]) expect(await newYearBanner(await sessionUser(username))).toBeNull();
    expect(await newYearBanner(await sessionUser("yh.admin"))).not.toBeNull();
  });

  it("a district admin's checklist holds only programmes owned in the district", async () => {
    pinClock(shanghaiInstant(Y, 11, 2, 9));
    const yh = await sessionUser("yh.admin");
    const yhPath = (await unitByCode("YH")).path;
    const list = await newYearChecklist(yh, NEXT);
    const programmeItems = list.items.flatMap((i) => (i.kind === "calendar" ? [] : [i]));
    expect(programmeItems.length).toBeGreaterThan(0);
    for (const item of programmeItems) {
      const p = await db.programme.findUniqueOrThrow({ where: { id: item.programmeId }, include: { orgUnit: true } });
      expect(p.orgUnit.path.startsWith(yhPath), p.name).toBe(true);
    }
    // The city admin's list holds 浦阳镇's (萧山) campaign; the 余杭 admin's does not.
    const campaign = await programmeByName(PY_CAMPAIGN);
    const ids = (items: ChecklistItem[]) => items.flatMap((i) => (i.kind === "calendar" ? [] : [i.programmeId]));
    expect(ids((await newYearChecklist(await sessionUser("admin"), NEXT)).items)).toContain(campaign.id);
    expect(ids(list.items)).not.toContain(campaign.id);
  });
});

describe("calendar-year confirmation", () => {
  it("only admins confirm; a year is confirmed once; a year without its notice is refused", async () => {
    const far = NEXT + 5;
    await actAs("yh.manager");
    expect((await confirmCalendarYearAction({ year: far })).ok).toBe(false);
    signOut();
    expect((await confirmCalendarYearAction({ year: far })).ok).toBe(false);
    await actAs("admin");
    const notLoaded = await confirmCalendarYearAction({ year: far });
    expect(notLoaded.ok).toBe(false);
    if (!notLoaded.ok) expect(Object.keys(notLoaded.fieldErrors ?? {})).toEqual(["year"]);
    // 元旦 alone is not the notice.
    expect(await bulkLoadCalendarAction({ text: `${ymd(far, 1, 1)} 休 元旦` })).toMatchObject({ ok: true });
    expect((await confirmCalendarYearAction({ year: far })).ok).toBe(false);
    await loadYear(far);
    expect(await confirmCalendarYearAction({ year: far })).toMatchObject({ ok: true });
    const again = await confirmCalendarYearAction({ year: far });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toContain(`${far} 年工作日历已确认`);
    expect((await confirmCalendarYearAction({ year: "二〇二七" })).ok).toBe(false);
    expect(await db.calendarYear.count({ where: { year: far } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "calendar.confirmYear", outcome: "DENIED" } })).toBe(1);
  });

  it("a provisional list (before the notice) cannot be confirmed until the notice's days replace it", async () => {
    await actAs("admin");
    const far = NEXT + 7;
    expect(await bulkLoadCalendarAction({ text: provisionalListText(far) })).toMatchObject({ ok: true });
    expect(await calendarYearReadiness(far)).toMatchObject({ loaded: true, provisional: provisionalHolidays(far).length, confirmed: null });
    const refused = await confirmCalendarYearAction({ year: far });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.fieldErrors?.year?.[0]).toMatch(/暂定/);
    // The notice arrives: the same days under their own names.
    const notice = provisionalHolidays(far).map((e) => `${e.date} 休 ${e.name.replace(PROVISIONAL_MARK, "")}`).join("\n");
    expect(await bulkLoadCalendarAction({ text: notice })).toMatchObject({ ok: true });
    expect(await confirmCalendarYearAction({ year: far })).toMatchObject({ ok: true });
  });

  it("the bulk load refuses duplicate dates, impossible dates and a day both holiday and 调休, writing nothing", async () => {
    await actAs("admin");
    const far = NEXT + 6;
    const before = await db.calendarDay.count();
    const audits = await db.auditLog.count({ where: { action: "calendar.bulkLoad" } });
    const cases: [string, RegExp][] = [
      [`${ymd(far, 2, 10)} 休 春节\n${ymd(far, 2, 10)} 休 春节`, /日期重复/],
      [`${ymd(far, 2, 10)} 休 春节\n${far}-02-30 休 春节`, /不存在的日期/],
      [`${ymd(far, 2, 10)} 休 春节\n${far}-2-10 班 春节调休`, /既写了放假又写了调休上班/],
    ];
    for (const [text, message] of cases) {
      const r = await bulkLoadCalendarAction({ text });
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.fieldErrors?.text?.join(" "), text).toMatch(message);
    }
    expect(await db.calendarDay.count()).toBe(before);
    expect(await db.auditLog.count({ where: { action: "calendar.bulkLoad" } })).toBe(audits);
  });
  it("editing a day of a confirmed year withdraws its confirmation in the same transaction, audited", async () => {
    await actAs("admin");
    const far = NEXT + 8;
    const confirmed = () => db.calendarYear.count({ where: { year: far } });
    await loadYear(far);
    expect(await confirmCalendarYearAction({ year: far })).toMatchObject({ ok: true });

    // Saving a day unchanged, or a day of another year, leaves the confirmation standing.
    const holiday = await db.calendarDay.findFirstOrThrow({ where: { kind: "HOLIDAY", date: { gt: new Date(`${far}-01-01`), lte: new Date(`${far}-12-31`) } } });
    const day = { date: formatDateOnly(holiday.date), kind: holiday.kind, name: holiday.name };
    expect(await saveCalendarDayAction(day)).toMatchObject({ ok: true, data: { unconfirmedYears: [] } });
    expect(await saveCalendarDayAction({ date: ymd(far + 1, 3, 2), kind: "HOLIDAY", name: "测试" })).toMatchObject({ ok: true, data: { unconfirmedYears: [] } });
    expect(await confirmed()).toBe(1);

    // A new 调休 day: the year is no longer confirmed, and the audit row says so.
    const workday = ymd(far, 3, 7);
    expect(await saveCalendarDayAction({ date: workday, kind: "WORKDAY", name: "调休" })).toMatchObject({ ok: true, data: { unconfirmedYears: [far] } });
    expect(await confirmed()).toBe(0);
    expect((await db.auditLog.findFirstOrThrow({ where: { action: "calendar.save", entityId: workday }, orderBy: { seq: "desc" } })).data).toMatchObject({ unconfirmedYears: [far] });

    // The same for a deleted day and a bulk load that changes a day (not one that changes none).
    expect(await confirmCalendarYearAction({ year: far })).toMatchObject({ ok: true });
    expect(await deleteCalendarDayAction({ date: workday })).toMatchObject({ ok: true, data: { unconfirmedYears: [far] } });
    expect((await db.auditLog.findFirstOrThrow({ where: { action: "calendar.delete", entityId: workday }, orderBy: { seq: "desc" } })).data).toMatchObject({ unconfirmedYears: [far] });
    expect(await confirmed()).toBe(0);
    expect(await confirmCalendarYearAction({ year: far })).toMatchObject({ ok: true });
    expect(await bulkLoadCalendarAction({ text: `${day.date} 休 ${day.name}` })).toMatchObject({ ok: true, data: { unconfirmedYears: [] } });
    expect(await confirmed()).toBe(1);
    expect(await bulkLoadCalendarAction({ text: `${day.date} 休 ${day.name}\n${ymd(far, 3, 8)} 班 调休` })).toMatchObject({ ok: true, data: { unconfirmedYears: [far] } });
    expect(await confirmed()).toBe(0);
    expect((await db.auditLog.findFirstOrThrow({ where: { action: "calendar.bulkLoad" }, orderBy: { seq: "desc" } })).data).toMatchObject({ unconfirmedYears: [far] });
  });

  it("two confirmations of a year at once: one confirms, the other is told the year is already confirmed", async () => {
    await actAs("admin");
    const far = NEXT + 9;
    await loadYear(far);
    const results = await Promise.all([confirmCalendarYearAction({ year: far }), confirmCalendarYearAction({ year: far })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    if (refused && !refused.ok) expect(refused.fieldErrors?.year?.[0]).toMatch(/已确认/);
    expect(await db.calendarYear.count({ where: { year: far } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "calendar.confirmYear", entityId: String(far), outcome: "OK" } })).toBe(1);
  });
});

describe("the request page's unconfirmed-calendar notice", () => {
  it("names the years of a request's clocks until their calendar is confirmed", async () => {
    const request = await db.serviceRequest.findFirstOrThrow({ orderBy: { receivedAt: "desc" } });
    const years = [...new Set([request.receivedAt, request.acceptDueAt, request.assignDueAt, request.respondDueAt].map((d) => shanghaiYear(d)))].sort();
    await db.calendarYear.deleteMany({ where: { year: { in: years } } });
    expect(await unconfirmedClockYears(request)).toEqual(years);
    await actAs("admin");
    for (const year of years) {
      await loadYear(year);
      expect(await confirmCalendarYearAction({ year })).toMatchObject({ ok: true });
    }
    expect(await unconfirmedClockYears(request)).toEqual([]);
  });

  it("the hotline list says so too while the running year's calendar is unconfirmed (its deadlines run on it)", async () => {
    pinClock(shanghaiInstant(NEXT, 3, 10, 9));
    const kept = await db.calendarYear.findUnique({ where: { year: NEXT } });
    await db.calendarYear.deleteMany({ where: { year: NEXT } });
    await actAs("lz.officer");
    const notice = async () => elementText(findElements(await HotlinePage({ searchParams: Promise.resolve({}) }), (e) => (e.props as { "data-testid"?: string })["data-testid"] === "calendar-unconfirmed"));
    expect(await notice()).toBe(`${NEXT} 年工作日历尚未确认，截止时间按无节假日计算`);
    await db.calendarYear.create({ data: kept ?? { year: NEXT, confirmedAt: shanghaiInstant(NEXT, 1, 20), confirmedById: (await sessionUser("admin")).id } });
    expect(await notice()).toBe("");
    if (!kept) await db.calendarYear.deleteMany({ where: { year: NEXT } });
  });

  it("reads as one sentence naming the years, in both languages", () => {
    const years = [NEXT, NEXT + 1].join("、");
    const zh = createTranslator({ locale: "zh-CN", messages: messagesFor("zh-CN") as never, namespace: "newYear" as never }) as unknown as (k: string, v: object) => string;
    const en = createTranslator({ locale: "en", messages: messagesFor("en") as never, namespace: "newYear" as never }) as unknown as (k: string, v: object) => string;
    expect(zh("hotlineCalendarUnconfirmed", { years })).toBe(`${years} 年工作日历尚未确认，截止时间按无节假日计算`);
    expect(en("hotlineCalendarUnconfirmed", { years })).toBe(`The working calendar of ${years} is not confirmed yet: deadlines assume no holidays`);
  });
});

describe("programme rollover", () => {
  it("copies the campaign into next year (targets re-keyed, set-up rows copied) and closes the old one, audited", async () => {
    await actAs("admin");
    const source = await db.programme.findFirstOrThrow({
      where: { name: PY_CAMPAIGN },
      include: { participants: true, indicators: { include: { targets: true } }, campaignParticipants: true, campaignAssignments: true, checkItems: { where: { active: true } }, frequencyRules: true },
    });
    const input = await defaultsFor(source.id);
    const shifted = (d: Date) => `${NEXT}${formatDateOnly(d).slice(4)}`;
    expect(input).toMatchObject({ name: `${NEXT}年浦阳镇“民情双访”`, startDate: shifted(source.startDate), endDate: shifted(source.endDate) });
    expect(input.periodMap).toEqual([{ from: String(Y), to: String(NEXT) }]);

    const r = await rolloverProgrammeAction(input);
    if (!r.ok) throw new Error(JSON.stringify(r));
    const copy = await db.programme.findUniqueOrThrow({
      where: { id: r.data.id },
      include: { participants: true, indicators: { include: { targets: true } }, campaignParticipants: true, campaignAssignments: true, checkItems: true, frequencyRules: true },
    });
    expect(copy).toMatchObject({ type: source.type, orgUnitId: source.orgUnitId, status: "ACTIVE", description: source.description });
    expect(formatDateOnly(copy.startDate)).toBe(shifted(source.startDate));
    expect(copy.settings).toEqual(source.settings);
    expect(copy.participants.map((p) => p.orgUnitId).sort()).toEqual(source.participants.map((p) => p.orgUnitId).sort());
    const targets = (p: typeof source) => p.indicators.flatMap((i) => i.targets.map((t) => `${i.code}|${t.orgUnitId}|${t.period}|${t.value.toString()}`)).sort();
    expect(targets(copy as typeof source)).toEqual(targets(source).map((k) => k.replace(`|${Y}|`, `|${NEXT}|`)));
    expect(copy.indicators.flatMap((i) => i.targets).every((t) => formatDateOnly(t.periodStart) === ymd(NEXT, 1, 1))).toBe(true);
    expect(copy.campaignParticipants.map((p) => `${p.officerId}|${p.mentorId}`).sort()).toEqual(source.campaignParticipants.map((p) => `${p.officerId}|${p.mentorId}`).sort());
    expect(copy.campaignAssignments).toHaveLength(source.campaignAssignments.length);
    expect(copy.checkItems).toHaveLength(source.checkItems.length);
    expect(copy.frequencyRules).toHaveLength(source.frequencyRules.length);
    // Work done stays with the old programme.
    expect(await db.visit.count({ where: { programmeId: copy.id } })).toBe(0);

    const old = await db.programme.findUniqueOrThrow({ where: { id: source.id } });
    expect(old).toMatchObject({ status: "CLOSED", version: source.version + 1 });
    const rolloverAudit = await db.auditLog.findFirstOrThrow({ where: { action: "programme.rollover", entityId: copy.id } });
    expect(rolloverAudit.data).toMatchObject({ from: { id: source.id }, to: { id: copy.id }, copied: { participants: source.participants.length }, notCopied: ["visits", "problems", "events"] });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "programme.setStatus", entityId: source.id } })).toMatchObject({ data: { after: { status: "CLOSED" }, reason: "rollover" } });

    // The same period again (from the now closed source) is refused, nothing written.
    const before = await snapshot(source.id);
    const twice = await rolloverProgrammeAction({ ...(await defaultsFor(source.id)), name: "另一个名字" });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.fieldErrors?.startDate?.[0]).toMatch(/已有专项/);
    expect(await snapshot(source.id)).toEqual(before);
  });

  it("re-keys quarters and copies a mentorship programme's pools", async () => {
    await actAs("admin");
    const source = await db.programme.findFirstOrThrow({ where: { type: "MENTORSHIP", status: "ACTIVE" }, include: { poolMembers: { where: { status: { in: ["ACTIVE", "PAUSED"] } } } } });
    const input = await defaultsFor(source.id);
    expect(input.periodMap.map((p) => p.to).sort()).toEqual(input.periodMap.map((p) => p.from.replace(String(Y), String(NEXT))).sort());
    expect(input.periodMap.some((p) => /-Q[1-4]$/.test(p.to))).toBe(true);
    const r = await rolloverProgrammeAction(input);
    if (!r.ok) throw new Error(JSON.stringify(r));
    const copy = await db.programme.findUniqueOrThrow({ where: { id: r.data.id }, include: { poolMembers: true, pairings: true, indicators: { include: { targets: true } } } });
    expect(copy.indicators.flatMap((i) => i.targets.map((t) => t.period)).every((p) => p.startsWith(String(NEXT)))).toBe(true);
    expect(copy.poolMembers).toHaveLength(source.poolMembers.length);
    expect(copy.poolMembers.every((m) => m.activeTrainees === 0 && formatDateOnly(m.joinedOn) === input.startDate)).toBe(true);
    expect(copy.pairings).toHaveLength(0);
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    await actAs("admin");
    // The hotline is rolled over nowhere else in this file (tests share the file's database).
    const source = await programmeByName("良渚街道亲企办24小时热线");
    const good = await defaultsFor(source.id);
    const before = await snapshot(source.id);
    const cases: [string, RolloverFormValues, string, RegExp][] = [
      ["ends before it starts", { ...good, endDate: addDaysYmd(good.startDate, -1) }, "endDate", /结束日期不能早于开始日期/],
      ["an impossible date", { ...good, startDate: `${NEXT}-02-30` }, "startDate", /有效日期/],
      ["a period that does not parse", { ...good, periodMap: [{ from: String(Y), to: `${NEXT}-Q5` }] }, "periodMap.0.to", /格式为/],
      ["a period outside the new dates", { ...good, periodMap: [{ from: String(Y), to: String(NEXT + 3) }] }, "periodMap.0.to", /不在专项起止日期内/],
      ["a period the source has no targets for", { ...good, periodMap: [{ from: `${Y}-Q1`, to: `${NEXT}-Q1` }] }, "periodMap.0.from", /没有这个期间/],
      ["dates overlapping the source", { ...good, startDate: ymd(Y, 12, 1), endDate: ymd(NEXT, 11, 30) }, "startDate", /已有专项/],
      ["the name of a programme of the same lineage (last year's)", { ...good, name: `${Y - 1}年良渚街道亲企办24小时热线` }, "name", /同名专项/],
    ];
    for (const [label, input, field, message] of cases) {
      const r = await rolloverProgrammeAction(input);
      expect(r.ok, label).toBe(false);
      if (!r.ok) expect(r.fieldErrors?.[field]?.[0], label).toMatch(message);
    }
    // A stale form (someone edited the programme since) and a draft source are refused too.
    expect((await rolloverProgrammeAction({ ...good, version: Number(good.version) + 7 })).ok).toBe(false);
    const draft = await db.programme.findFirstOrThrow({ where: { status: "DRAFT" } });
    const d = await rolloverProgrammeAction({ ...good, id: draft.id, version: draft.version, name: "草稿结转" });
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error).toMatch(/草稿专项不能结转/);
    expect(await snapshot(source.id)).toEqual(before);
  });

  it("is refused to managers and officers (audited) and to an admin outside the owner's subtree", async () => {
    const source = await programmeByName(PY_CAMPAIGN);
    const input = await defaultsFor(source.id);
    const before = await snapshot(source.id);
    for (const username of ["py.manager", "py.officer"]) {
      await actAs(username);
      const r = await rolloverProgrammeAction(input);
      expect(r.ok, username).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/权限/);
    }
    await actAs("yh.admin");
    expect((await rolloverProgrammeAction(input)).ok).toBe(false);
    expect(await snapshot(source.id)).toEqual(before);
    // Two refused for their role, and the other district's admin for the programme's area.
    const denied = await db.auditLog.findMany({ where: { action: "programme.rollover", outcome: "DENIED" }, select: { data: true, entityId: true } });
    expect(denied.map((d) => (d.data as { reason?: string }).reason).sort()).toEqual(["permission", "permission", "scope"]);
    expect(denied.find((d) => (d.data as { reason?: string }).reason === "scope")?.entityId).toBe(source.id);
  });
  it("two sources of one lineage rolled into the same dates at once: one succeeds, the other is refused", async () => {
    await actAs("admin");
    // A second active programme of the showcase's type and owner unit (test set-up).
    const first = await db.programme.findFirstOrThrow({ where: { type: "SHOWCASE", status: "ACTIVE" }, include: { indicators: { include: { targets: true } } } });
    const second = await db.programme.create({
      data: {
        type: first.type, name: `${first.name}（第二期）`, description: "", startDate: first.startDate, endDate: first.endDate, orgUnitId: first.orgUnitId, status: "ACTIVE", settings: {}, createdById: first.createdById,
        indicators: {
          create: first.indicators.map((i) => ({
            code: i.code, name: i.name, unit: i.unit, sortOrder: i.sortOrder,
            targets: { create: i.targets.map((t) => ({ orgUnitId: t.orgUnitId, period: t.period, periodStart: t.periodStart, periodEnd: t.periodEnd, value: t.value })) },
          })),
        },
      },
    });
    const a = await defaultsFor(first.id);
    const b = { ...(await defaultsFor(second.id)), name: `${NEXT}年另一期擂台`, startDate: a.startDate, endDate: a.endDate };
    const results = await Promise.all([rolloverProgrammeAction(a), rolloverProgrammeAction(b)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    if (refused && !refused.ok) expect(refused.fieldErrors?.startDate?.[0]).toMatch(/已有专项/);
    const lineage = await db.programme.count({ where: { type: first.type, orgUnitId: first.orgUnitId, startDate: { gte: new Date(a.startDate) } } });
    expect(lineage).toBe(1);
  });
});

describe("programme create and edit forms", () => {
  it("refuse an end before the start, an impossible date and an unparseable target period, writing nothing", async () => {
    await actAs("admin");
    const town = await unitByCode("XS-PY");
    const base = {
      type: "VISIT_CAMPAIGN", name: `${NEXT}年秋季走访`, description: "", startDate: ymd(NEXT, 9, 1), endDate: ymd(NEXT, 11, 30),
      orgUnitId: town.id, participantIds: [],
      indicators: [{ code: "households_visited", name: "走访农户", unit: "户", targets: [{ orgUnitId: town.id, period: `${NEXT}-Q4`, value: "10" }] }],
    };
    const before = await db.programme.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ endDate: ymd(NEXT, 8, 31) }, "endDate"],
      [{ endDate: `${NEXT}-02-30` }, "endDate"],
      [{ indicators: [{ ...base.indicators[0]!, targets: [{ orgUnitId: town.id, period: `${NEXT}-13`, value: "1" }] }] }, "indicators.0.targets.0.period"],
      [{ indicators: [{ ...base.indicators[0]!, targets: [{ orgUnitId: town.id, period: `Q4-${NEXT}`, value: "1" }] }] }, "indicators.0.targets.0.period"],
    ];
    for (const [change, field] of cases) {
      const r = await createProgrammeAction({ ...base, ...change, idempotencyKey: crypto.randomUUID() });
      expect(r.ok, field).toBe(false);
      if (!r.ok) expect(Object.keys(r.fieldErrors ?? {}), JSON.stringify(change)).toContain(field);
    }
    expect(await db.programme.count()).toBe(before);

    const existing = await getProgrammeOrThrow(await sessionUser("admin"), (await programmeByName(PY_CAMPAIGN)).id);
    const r = await updateProgrammeAction({
      id: existing.id, version: existing.version, name: existing.name, description: existing.description,
      startDate: formatDateOnly(existing.startDate), endDate: addDaysYmd(formatDateOnly(existing.startDate), -1), orgUnitId: existing.orgUnitId, participantIds: existing.participants.map((p) => p.orgUnitId), indicators: [],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors?.endDate?.[0]).toBe("结束日期不能早于开始日期");
  });
});

describe("preparing next year, item by item", () => {
  it("each item turns done when its work is done, and the banner goes when all are", async () => {
    pinClock(shanghaiInstant(Y, 11, 1, 9));
    const admin = await sessionUser("admin");
    await actAs("admin");
    // Next year's calendar starts unconfirmed whatever ran before: the request-notice test
    // confirms the years of the newest request's clocks, which are next year's when the demo
    // was seeded on 31 December (the date-shifted new-year run).
    await db.calendarYear.deleteMany({ where: { year: NEXT } });
    const yearAudits = () => db.auditLog.count({ where: { action: { in: ["calendar.confirmYear", "calendar.unconfirmYear"] }, entityId: String(NEXT) } });
    const yearAuditsBefore = await yearAudits();

    // The talent-points scheme ends this year: rolling it over makes it run into next year,
    // with its targets re-keyed; its quotas and tier places for next year are still to do.
    const talent = await db.programme.findFirstOrThrow({ where: { type: "TALENT_POINTS", status: "ACTIVE" } });
    let list = await newYearChecklist(admin, NEXT);
    expect(open(list.items)).toContain(`rollover:${talent.name}`);
    const rolled = await rolloverProgrammeAction(await defaultsFor(talent.id));
    if (!rolled.ok) throw new Error(JSON.stringify(rolled));
    const newName = `${NEXT}年${talent.name}`;
    list = await newYearChecklist(admin, NEXT);
    expect(open(list.items)).not.toContain(`rollover:${talent.name}`);
    expect(list.items.filter((i) => i.kind !== "calendar" && i.programmeId === rolled.data.id).map((i) => [i.kind, i.done])).toEqual([
      ["pointsQuotas", false],
      ["tierPlaces", false],
      ["programmeTargets", true],
    ]);
    expect(open(list.items)).toEqual(expect.arrayContaining(["calendar", `pointsQuotas:${newName}`, `tierPlaces:${newName}`]));

    // 1. The calendar: cannot be confirmed before the notice is loaded; then confirmed.
    const before = await calendarYearReadiness(NEXT);
    if (!before.loaded || before.provisional > 0) {
      const refused = await confirmCalendarYearAction({ year: NEXT });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.fieldErrors?.year?.[0]).toMatch(before.loaded ? /暂定/ : /还没有录入任何节假日/);
    }
    await loadYear(NEXT);
    expect(await confirmCalendarYearAction({ year: NEXT })).toMatchObject({ ok: true });
    list = await newYearChecklist(admin, NEXT);
    expect(list.items[0]).toMatchObject({ kind: "calendar", done: true });
    expect(open(list.items)).not.toContain("calendar");

    // 2. Org-unit quotas for next year.
    const resource = await db.pointResource.findFirstOrThrow({ where: { programmeId: rolled.data.id } });
    expect(await saveQuotaAction({ resourceId: resource.id, period: String(NEXT), orgUnitId: talent.orgUnitId, total: 5 })).toMatchObject({ ok: true });
    list = await newYearChecklist(admin, NEXT);
    expect(open(list.items)).not.toContain(`pointsQuotas:${newName}`);
    expect(open(list.items)).toContain(`tierPlaces:${newName}`);

    // 3. Tier places: the allocation for next year ran (even if nobody reached a tier yet).
    expect(await allocateTierQuotasAction({ year: NEXT })).toMatchObject({ ok: true });
    list = await newYearChecklist(admin, NEXT);
    expect(open(list.items)).not.toContain(`tierPlaces:${newName}`);

    // 4. Every other programme ending this year rolled over (its item goes; its successor's
    // targets item comes, done when the source had targets to re-key).
    for (const item of list.items) {
      if (item.kind !== "rollover") continue;
      const r = await rolloverProgrammeAction(await defaultsFor(item.programmeId));
      expect(r, item.programmeName).toMatchObject({ ok: true });
    }
    list = await newYearChecklist(admin, NEXT);
    expect(list.items.filter((i) => i.kind === "rollover")).toEqual([]);

    // 5. Targets of every other programme running into next year, set through the edit form.
    for (const item of list.items) {
      if (item.done || item.kind !== "programmeTargets") continue;
      const p = await getProgrammeOrThrow(admin, item.programmeId);
      const r = await updateProgrammeAction({
        id: p.id, version: p.version, name: p.name, description: p.description, startDate: formatDateOnly(p.startDate), endDate: formatDateOnly(p.endDate),
        orgUnitId: p.orgUnitId, participantIds: p.participants.map((x) => x.orgUnitId),
        indicators: p.indicators.map((ind, n) => ({
          code: ind.code, name: ind.name, unit: ind.unit,
          targets: [...ind.targets.map((t) => ({ orgUnitId: t.orgUnitId, period: t.period, value: t.value.toString() })), ...(n === 0 ? [{ orgUnitId: p.orgUnitId, period: String(NEXT), value: "10" }] : [])],
        })),
      });
      expect(r, item.programmeName).toMatchObject({ ok: true });
    }
    list = await newYearChecklist(admin, NEXT);
    expect(open(list.items)).toEqual([]);
    expect(await newYearBanner(admin)).toBeNull();

    // Withdrawing the calendar confirmation (an amended notice) brings the banner back.
    expect(await unconfirmCalendarYearAction({ year: NEXT })).toMatchObject({ ok: true });
    expect(open((await newYearBanner(admin))!.items)).toEqual(["calendar"]);
    expect(await yearAudits()).toBe(yearAuditsBefore + 2);
  });

});
