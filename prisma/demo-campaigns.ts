// Demo campaigns for the 民情双访 module, seeded after the org tree, users and programmes:
// the configuration of the two VISIT_CAMPAIGN programmes (participants with their mentor,
// assigned villages/grids, the visit checklist and the frequency rules).
import type { Db, Tx } from "@/lib/platform/db/client";
import type { DemoTime } from "./demo-time";

const PY_UNITS = ["py-xj", "py-jy", "py-cnh", "py-as", "py-sh"];
const PY_CHECKLIST = ["家庭基本情况", "生产生活需求", "政策宣传讲解", "矛盾纠纷排查", "安全隐患排查"];

/** `units`: org-unit ids by demo key (see ORG_TREE); `users`: user ids by username. */
export async function seedDemoCampaigns(db: Db | Tx, units: Record<string, string>, users: Record<string, string>, t: DemoTime): Promise<void> {
  const puyang = await db.programme.findFirst({ where: { type: "VISIT_CAMPAIGN", name: `${t.Y}年浦阳镇“民情双访”` }, select: { id: true } });
  if (puyang) {
    const programmeId = puyang.id;
    await db.campaignParticipant.createMany({
      data: [
        { programmeId, officerId: users["py.officer"]!, mentorId: users["py.manager"]! },
        { programmeId, officerId: users["py.officer2"]!, mentorId: null },
      ],
    });
    await db.campaignAssignment.createMany({
      data: PY_UNITS.map((key) => ({
        programmeId,
        orgUnitId: units[key]!,
        officerId: key === "py-xj" ? users["py.officer"]! : key === "py-sh" ? users["py.officer2"]! : null,
      })),
    });
    await db.campaignCheckItem.createMany({ data: PY_CHECKLIST.map((label, sortOrder) => ({ programmeId, label, sortOrder })) });
    await db.campaignFrequencyRule.createMany({
      data: [
        { programmeId, kind: "OFFICER_GUIDED_HOUSEHOLD", period: "WEEK", minVisits: 1, dueSoonDays: 2 },
        { programmeId, kind: "OFFICER_ANY", period: "WEEK", minVisits: 3, dueSoonDays: 2 },
      ],
    });
  }

  const gudang = await db.programme.findFirst({ where: { type: "VISIT_CAMPAIGN", name: "古荡街道楼宇企业月度走访" }, select: { id: true } });
  if (gudang) {
    const programmeId = gudang.id;
    await db.campaignAssignment.createMany({
      data: Array.from({ length: 10 }, (_, i) => ({ programmeId, orgUnitId: units[`gd-grid-${i + 1}`]! })),
    });
    await db.campaignFrequencyRule.create({ data: { programmeId, kind: "ENTERPRISE_BY_COMMISSIONER", period: "MONTH", minVisits: 1, dueSoonDays: 5 } });
  }
}
