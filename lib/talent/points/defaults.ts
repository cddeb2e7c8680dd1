// The default scheme, after 天台县企业人才积分制 (../shared/seeds, 2023): nine personal scoring
// items (the article names 学历分、奖励分、职称分、贡献分、荣誉分 and 薪酬分 "等9个"; the other
// three here — 技能等级分、人才计划分、服务年限分 — are our reading of a scheme that "breaks
// the single yardstick of degrees, seniority and awards"), enterprise items for recruiting,
// developing talent and building platforms, four tiers, and the redeemable resources.
// An admin edits all of it in the configuration page; these only seed a new programme.
import type { Eligibility, Level, TierQuotas } from "./rules";

export type ItemDefault = {
  code: string; name: string; levels: Level[]; capPerItem: number | null; capPerYear: number | null;
  evidenceTypes: string[]; validityMonths: number | null;
};

export const DEFAULT_TALENT_ITEMS: ItemDefault[] = [
  {
    code: "EDUCATION", name: "学历分", capPerItem: 60, capPerYear: 60, validityMonths: null, evidenceTypes: ["学历证书", "学位证书"],
    levels: [
      { code: "DOCTOR", label: "博士研究生", points: 60 }, { code: "MASTER", label: "硕士研究生", points: 40 },
      { code: "BACHELOR", label: "大学本科", points: 25 }, { code: "COLLEGE", label: "大学专科", points: 10 },
    ],
  },
  {
    code: "TITLE", name: "职称分", capPerItem: 60, capPerYear: 60, validityMonths: null, evidenceTypes: ["职称证书"],
    levels: [
      { code: "SENIOR", label: "正高级职称", points: 60 }, { code: "VICE_SENIOR", label: "副高级职称", points: 40 },
      { code: "INTERMEDIATE", label: "中级职称", points: 20 }, { code: "JUNIOR", label: "初级职称", points: 8 },
    ],
  },
  {
    code: "SKILL", name: "技能等级分", capPerItem: 50, capPerYear: 50, validityMonths: null, evidenceTypes: ["职业技能等级证书"],
    levels: [
      { code: "SENIOR_TECHNICIAN", label: "高级技师", points: 50 }, { code: "TECHNICIAN", label: "技师", points: 35 },
      { code: "SENIOR_WORKER", label: "高级工", points: 20 }, { code: "INTERMEDIATE_WORKER", label: "中级工", points: 10 },
    ],
  },
  {
    code: "AWARD", name: "奖励分", capPerItem: 100, capPerYear: 50, validityMonths: 36, evidenceTypes: ["获奖证书", "表彰文件"],
    levels: [
      { code: "NATIONAL", label: "国家级奖项", points: 50 }, { code: "PROVINCIAL", label: "省级奖项", points: 30 },
      { code: "CITY", label: "市级奖项", points: 15 }, { code: "COUNTY", label: "县级奖项", points: 8 },
    ],
  },
  {
    code: "HONOUR", name: "荣誉分", capPerItem: 80, capPerYear: 40, validityMonths: 36, evidenceTypes: ["荣誉证书"],
    levels: [
      { code: "NATIONAL", label: "国家级荣誉称号", points: 40 }, { code: "PROVINCIAL", label: "省级荣誉称号", points: 25 },
      { code: "CITY", label: "市级荣誉称号", points: 12 }, { code: "COUNTY", label: "县级荣誉称号", points: 6 },
    ],
  },
  {
    code: "CONTRIBUTION", name: "贡献分", capPerItem: 120, capPerYear: 60, validityMonths: 24, evidenceTypes: ["专利证书", "项目验收文件", "企业证明"],
    levels: [
      { code: "INVENTION_PATENT", label: "发明专利（每项）", points: 20 }, { code: "UTILITY_PATENT", label: "实用新型专利（每项）", points: 5 },
      { code: "KEY_PROJECT", label: "主持省级以上科研项目", points: 30 }, { code: "NEW_PRODUCT", label: "新产品通过省级鉴定", points: 15 },
    ],
  },
  {
    code: "SALARY", name: "薪酬分", capPerItem: 50, capPerYear: 50, validityMonths: 12, evidenceTypes: ["个人所得税完税证明", "工资流水"],
    levels: [
      { code: "ABOVE_500K", label: "年薪50万元以上", points: 50 }, { code: "FROM_300K", label: "年薪30万–50万元", points: 35 },
      { code: "FROM_200K", label: "年薪20万–30万元", points: 20 }, { code: "FROM_100K", label: "年薪10万–20万元", points: 10 },
    ],
  },
  {
    code: "TALENT_PROGRAMME", name: "人才计划分", capPerItem: 80, capPerYear: 80, validityMonths: null, evidenceTypes: ["入选文件"],
    levels: [
      { code: "NATIONAL", label: "国家级人才计划", points: 80 }, { code: "PROVINCIAL", label: "省级人才计划", points: 50 },
      { code: "CITY", label: "市级人才计划", points: 25 }, { code: "COUNTY", label: "县级人才计划", points: 10 },
    ],
  },
  {
    code: "SERVICE", name: "服务年限分", capPerItem: 30, capPerYear: 30, validityMonths: 12, evidenceTypes: ["劳动合同", "社保缴纳证明"],
    levels: [
      { code: "Y10", label: "在本县企业工作10年以上", points: 30 }, { code: "Y5", label: "5–10年", points: 20 },
      { code: "Y3", label: "3–5年", points: 10 }, { code: "Y1", label: "1–3年", points: 5 },
    ],
  },
];

export const DEFAULT_ENTERPRISE_ITEMS: ItemDefault[] = [
  {
    code: "RECRUIT", name: "人才引进", capPerItem: null, capPerYear: 400, validityMonths: null, evidenceTypes: ["劳动合同", "学历证书", "社保缴纳证明"],
    levels: [
      { code: "DOCTOR", label: "引进博士（每人）", points: 20 }, { code: "MASTER", label: "引进硕士（每人）", points: 10 },
      { code: "BACHELOR", label: "引进本科（每人）", points: 3 }, { code: "SKILLED", label: "引进技能人才（每人）", points: 1 },
    ],
  },
  {
    code: "DEVELOP", name: "人才培育", capPerItem: null, capPerYear: 200, validityMonths: null, evidenceTypes: ["职称证书", "职业技能等级证书", "入选文件"],
    levels: [
      { code: "TITLE_UP", label: "职称晋升中级以上（每人）", points: 5 }, { code: "SKILL_UP", label: "技能等级提升（每人）", points: 2 },
      { code: "PROGRAMME", label: "入选市级以上人才计划（每人）", points: 15 },
    ],
  },
  {
    code: "PLATFORM", name: "人才平台建设", capPerItem: null, capPerYear: 150, validityMonths: null, evidenceTypes: ["认定文件"],
    levels: [
      { code: "ACADEMICIAN", label: "院士专家工作站", points: 60 }, { code: "POSTDOC", label: "博士后工作站", points: 50 },
      { code: "PROVINCIAL_RD", label: "省级研发中心", points: 40 }, { code: "CITY_RD", label: "市级研发中心", points: 20 },
    ],
  },
];

export type ResourceDefault = { code: string; name: string; pointsCost: number; eligibility: Eligibility };

export const DEFAULT_RESOURCES: ResourceDefault[] = [
  { code: "APARTMENT", name: "人才公寓", pointsCost: 80, eligibility: {} },
  { code: "SCHOOL", name: "子女入学", pointsCost: 100, eligibility: {} },
  { code: "HEALTH_CHECK", name: "体检", pointsCost: 20, eligibility: {} },
  { code: "REST", name: "疗休养", pointsCost: 50, eligibility: { minTier: 3 } },
];

export type TierDefault = { tier: number; name: string; minPoints: number; quotas: TierQuotas };

export const DEFAULT_TIERS: TierDefault[] = [
  { tier: 1, name: "一档", minPoints: 300, quotas: { SCHOOL: 4, APARTMENT: 6, HEALTH_CHECK: 30, REST: 6 } },
  { tier: 2, name: "二档", minPoints: 150, quotas: { SCHOOL: 3, APARTMENT: 4, HEALTH_CHECK: 20, REST: 4 } },
  { tier: 3, name: "三档", minPoints: 60, quotas: { SCHOOL: 2, APARTMENT: 2, HEALTH_CHECK: 10, REST: 2 } },
  { tier: 4, name: "四档", minPoints: 1, quotas: { SCHOOL: 1, APARTMENT: 1, HEALTH_CHECK: 5 } },
];

/** Resources whose fulfilment counts as "housing or schooling solved" (关键小事). */
export const HOUSING_SCHOOL_CODES = ["APARTMENT", "SCHOOL"] as const;
