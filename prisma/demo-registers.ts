// Demo registers for the 民情双访 module, seeded after the org tree, users and programmes:
// ~20 households in each 浦阳镇 village/community and a few in 良渚, one enterprise in each of
// 古荡's 38 office buildings across its ten grids (grid 1's commissioner is gd.officer) plus a few in 良渚 and
// 余杭经开区. Deterministic, so tests can rely on it. Credit codes carry valid check digits.
import type { Db, Tx } from "@/lib/platform/db/client";
import type { DemoTime } from "./demo-time";
import { makeCreditCode } from "@/lib/registers/credit-code";

const SURNAMES = ["谢", "王", "李", "张", "陈", "刘", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭", "何", "高", "林"];
const GIVEN = ["建国", "秀英", "国强", "美兰", "志明", "桂芳", "海军", "丽萍", "永康", "红梅", "伟东", "玉珍", "立新", "春燕", "德明", "金凤", "晓峰", "雪芬", "忠良", "佩华", "阿毛", "福根"];
const TAG_SETS: string[][] = [[], [], ["困难家庭"], [], ["新居民"], ["独居老人"], [], ["困难家庭", "独居老人"], [], ["退役军人"], [], ["新居民"]];

type VillageSpec = { key: string; prefix: string; village: string; count: number; town: string };
const VILLAGES: VillageSpec[] = [
  { key: "py-xj", prefix: "XJ", village: "谢家村", count: 20, town: "萧山区浦阳镇" },
  { key: "py-jy", prefix: "JY", village: "径游村", count: 20, town: "萧山区浦阳镇" },
  { key: "py-cnh", prefix: "CH", village: "传化农创村", count: 20, town: "萧山区浦阳镇" },
  { key: "py-as", prefix: "AS", village: "安山村", count: 20, town: "萧山区浦阳镇" },
  { key: "py-sh", prefix: "SH", village: "森海社区", count: 20, town: "萧山区浦阳镇" },
  { key: "lz-wh", prefix: "LZWH", village: "良渚文化村社区", count: 5, town: "余杭区良渚街道" },
  { key: "lz-gn", prefix: "LZGN", village: "港南村", count: 5, town: "余杭区良渚街道" },
];

const GRID_BUILDINGS = ["云州国际中心", "西溪国际", "华星时代广场", "世贸丽晶城", "嘉华国际", "古荡新村", "益乐新村", "万塘路", "文一路", "紫荆花路"];
// 古荡街道's 38 office buildings (楼宇) in its ten grids: each grid's landmark first, then the
// others; grids 1–2 have three buildings, grids 3–10 four. One enterprise per building.
const MORE_BUILDINGS = [
  "浙商财富中心", "新金都城市广场", "东部软件园", "颐高数码大厦", "文三数字大厦", "华星科技大厦", "华星现代产业园", "世贸中心写字楼", "嘉绿苑商务楼", "古荡科技大厦",
  "益乐商务中心", "万塘汇", "文一商务大厦", "紫荆商务中心", "西溪银泰", "西溪诚园商务楼", "云州科创大厦", "天堂软件园", "金都大厦", "物联网产业园",
  "星洲花园商务楼", "耀江文鼎苑", "古荡湾大厦", "浙大科技园", "教工路创意园", "学院路商务楼", "莫干山路商务中心", "文二西路智谷",
];
export const GD_BUILDINGS: string[][] = GRID_BUILDINGS.map((landmark, g) => {
  const before = g < 2 ? g * 2 : 4 + (g - 2) * 3;
  return [landmark, ...MORE_BUILDINGS.slice(before, before + (g < 2 ? 2 : 3))];
});
const GD_FIRMS = [
  ["数澜信息科技", "软件和信息技术服务业", "ABOVE_SCALE"], ["云栖智联网络", "互联网和相关服务", "SMALL_MICRO"], ["之江文创设计", "文化创意", "SMALL_MICRO"],
  ["西溪跨境电子商务", "批发和零售业", "ABOVE_SCALE"], ["华星健康管理", "卫生和社会工作", "SMALL_MICRO"], ["丽晶会计师事务所", "商务服务业", "SMALL_MICRO"],
  ["嘉华供应链管理", "交通运输和仓储业", "ABOVE_SCALE"], ["古荡餐饮管理", "住宿和餐饮业", "SMALL_MICRO"], ["益乐教育咨询", "教育", "SMALL_MICRO"],
  ["万塘生物科技", "科学研究和技术服务业", "ABOVE_SCALE"], ["文一物联网技术", "软件和信息技术服务业", "SMALL_MICRO"], ["紫荆人力资源", "商务服务业", "SMALL_MICRO"],
] as const;
const CONTACTS = ["王经理", "李总", "陈女士", "张主任", "刘先生", "赵经理", "孙女士", "周总", "吴经理", "郑先生"];

/** `units`: org-unit ids by demo key (see ORG_TREE); `users`: user ids by username. */
export async function seedDemoRegisters(db: Db | Tx, units: Record<string, string>, users: Record<string, string>, _t?: DemoTime): Promise<void> {
  let serial = 0;
  const households = VILLAGES.flatMap((v) =>
    Array.from({ length: v.count }, (_, i) => {
      serial += 1;
      const surname = v.key === "py-xj" && i % 3 !== 2 ? "谢" : SURNAMES[(serial * 7) % SURNAMES.length]!;
      return {
        householdKey: `${v.prefix}-${String(i + 1).padStart(4, "0")}`,
        orgUnitId: units[v.key]!,
        headName: surname + GIVEN[(serial * 5 + i) % GIVEN.length]!,
        address: `${v.town}${v.village}${(i % 6) + 1}组${10 + i * 3}号`,
        phone: i % 5 === 4 ? null : `139${String(57000000 + serial * 1373).padStart(8, "0")}`,
        membersCount: 1 + ((serial * 7) % 5),
        tags: TAG_SETS[serial % TAG_SETS.length]!,
      };
    }),
  );
  await db.household.createMany({ data: households });

  let firm = 0;
  const enterprises = GRID_BUILDINGS.flatMap((building, g) =>
    Array.from({ length: 3 }, (_, k) => {
      const [stem, industry, size] = GD_FIRMS[(g * 3 + k) % GD_FIRMS.length]!;
      firm += 1;
      return {
        name: `杭州${building.slice(0, 2)}${stem}有限公司`,
        creditCode: makeCreditCode(7_000_000 + firm * 7919, "330106"),
        orgUnitId: units[`gd-grid-${g + 1}`]!,
        address: `西湖区古荡街道${GD_BUILDINGS[g]![k]!}${k + 3}幢${(k + 1) * 100 + g + 1}室`,
        industry, size,
        contactName: CONTACTS[(firm * 3) % CONTACTS.length]!,
        contactPhone: `138${String(26000000 + firm * 2791).padStart(8, "0")}`,
        commissionerId: g === 0 ? users["gd.officer"]! : null,
      };
    }),
  );
  const yuhang: { name: string; unit: string; address: string; industry: string; size: "ABOVE_SCALE" | "SMALL_MICRO" }[] = [
    { name: "杭州良渚文旅发展有限公司", unit: "lz", address: "余杭区良渚街道古墩路1号", industry: "文化旅游", size: "ABOVE_SCALE" },
    { name: "杭州港南农业科技有限公司", unit: "lz-gn", address: "余杭区良渚街道港南村8组", industry: "农业", size: "SMALL_MICRO" },
    { name: "杭州美丽洲包装材料有限公司", unit: "lz", address: "余杭区良渚街道好运街166号", industry: "制造业", size: "SMALL_MICRO" },
    { name: "杭州仁和智能装备有限公司", unit: "rh", address: "余杭经开区仁和街道獐山路99号", industry: "通用设备制造业", size: "ABOVE_SCALE" },
    { name: "杭州经开新材料股份有限公司", unit: "etdz", address: "余杭经开区兴中路368号", industry: "新材料", size: "ABOVE_SCALE" },
    { name: "杭州獐山精密机械有限公司", unit: "rh-zs", address: "余杭经开区仁和街道獐山村5组", industry: "专用设备制造业", size: "SMALL_MICRO" },
  ];
  for (const y of yuhang) {
    firm += 1;
    enterprises.push({
      name: y.name, creditCode: makeCreditCode(7_000_000 + firm * 7919, "330110"), orgUnitId: units[y.unit]!, address: y.address,
      industry: y.industry, size: y.size, contactName: CONTACTS[(firm * 3) % CONTACTS.length]!,
      contactPhone: `138${String(26000000 + firm * 2791).padStart(8, "0")}`, commissionerId: null,
    } as (typeof enterprises)[number]);
  }
  // The fourth building of grids 3–10 (added after the others, so the first ones keep their codes).
  const extra = [["云帆智能制造", "软件和信息技术服务业", "SMALL_MICRO"], ["栖霞法律咨询", "商务服务业", "SMALL_MICRO"], ["之光影视传媒", "文化创意", "SMALL_MICRO"], ["汇智医疗器械", "批发和零售业", "ABOVE_SCALE"]] as const;
  for (let g = 2; g < 10; g++) {
    firm += 1;
    const [stem, industry, size] = extra[g % extra.length]!;
    const building = GD_BUILDINGS[g]![3]!;
    enterprises.push({
      name: `杭州${building.slice(0, 2)}${stem}有限公司`, creditCode: makeCreditCode(7_000_000 + firm * 7919, "330106"), orgUnitId: units[`gd-grid-${g + 1}`]!,
      address: `西湖区古荡街道${building}${(g % 5) + 1}幢${g + 501}室`, industry, size, contactName: CONTACTS[(firm * 3) % CONTACTS.length]!,
      contactPhone: `138${String(26000000 + firm * 2791).padStart(8, "0")}`, commissionerId: null,
    } as (typeof enterprises)[number]);
  }
  await db.enterprise.createMany({ data: enterprises });
}
