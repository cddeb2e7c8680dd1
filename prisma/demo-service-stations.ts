// Demo records of the 湖滨商圈增值服务驿站 (SERVICE_STATION), seeded after the programmes and the
// calendar: the articles' figures, reproduced on whatever day the demo is seeded —
//   - one station at 湖滨街道 whose catalogue has exactly 32 staffed (人工服务事项, RG-001…)
//     and 150 self-service items (自助服务事项, ZZ-001…), each with its department, the
//     documents it needs, its standard time at the station and the usual time without it;
//   - "一类事" bundles (开一家餐馆 …), each with items of at least two departments;
//   - 1,400 enterprises and shops registered in 湖滨街道's six communities;
//   - 320 finished cases (办件) over the demo's history (the ACTIVITY_DAYS before the anchor's
//     day, as the rest of the demo), whose time saved averages exactly 36 minutes:
//     Σ savedMinutes = 36 × 320 over the FINISHED cases, and also 36 × n over the COMPLETED
//     ones alone (so the average is 36.0 whether or not a figure leaves out the referred and
//     refused ones); round-tables concluded on some bundle cases, two still waiting for a
//     department, a few cases in progress, cancelled appointments and appointments booked for
//     the next working days.
// Cases happen on working days (the seeded calendar) between 08:30 and 17:30 Shanghai. A
// finished or cancelled case belongs to the programme of the year it was opened in, as the app
// files it (this year's ACTIVE one, or last year's CLOSED one for a history that reaches back
// over New Year); an open one (appointment, in progress, waiting for a round-table) is in this
// year's ACTIVE programme, where a rollover moves it with its station — the app works no case
// of a closed programme, so one opened on 31 December and still open is worked in January.
// The figures hold on any day, 2 January included. The numbers ("HB-2026-00001") come from the app's own
// counter (nextCaseNumber), so the next case the app opens continues after them.
// Like the rest of the demo, no audit rows: the audit log starts with the system.seedDemo row.
// Deterministic: the same anchor gives the same station (a fixed PRNG seed).
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "@/lib/platform/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { exceptionsFromRows, isWorkingDay, nextWorkingDay } from "@/lib/platform/calendar/working-days";
import { shanghaiYmd } from "@/lib/platform/clock";
import { creditCodeCheckChar, makeCreditCode } from "@/lib/registers/credit-code";
import { nextCaseNumber } from "@/lib/service-stations/mutations";
import { ACTIVITY_DAYS, WORK_END, WORK_START } from "./demo-activity";
import { mulberry32, type Random } from "./demo-random";
import { instantOn, workingDaysBetween, type DemoTime } from "./demo-time";

/** The articles' figures the demo reproduces (tests/integration/service-stations-demo.test.ts checks them). */
export const HB_FIGURES = { staffed: 32, selfService: 150, enterprises: 1_400, finishedCases: 320, averageSavedMinutes: 36 } as const;

export const HB_STATION = {
  name: "湖滨商圈增值服务驿站",
  address: "上城区湖滨街道东坡路62号（湖滨商圈服务中心一楼）",
  hours: "工作日 8:30-17:30（法定节假日除外）",
};

const SEED = 20_240_618;

// ── Departments ───────────────────────────────────────────────────────────────────────────
const SCJG = "上城区市场监管局湖滨市场监管所";
const ZSCQ = "上城区市场监管局（知识产权局）";
const XF = "上城区消防救援大队";
const ZF = "湖滨街道综合行政执法队";
const CG = "上城区城市管理局";
const WJ = "上城区卫生健康局";
const SW = "上城区税务局";
const RS = "上城区人力社保局";
const YB = "上城区医疗保障局";
const GJJ = "杭州住房公积金管理中心上城分中心";
const RC = "上城区人才服务中心";
const KJ = "上城区科技局";
const JR = "上城区金融办";
const SWJ = "上城区商务局";
const WG = "上城区文化和广电旅游体育局";
const GA = "上城区公安分局湖滨派出所";
const BDC = "杭州市不动产登记服务中心上城分中心";
const ZJ = "上城区住房和城乡建设局";
const TJ = "上城区统计局";
const SF = "上城区司法局";
const HJ = "杭州市生态环境局上城分局";
const QF = "湖滨街道企业服务中心";

type ItemSpec = { code: string; kind: "STAFFED" | "SELF_SERVICE"; name: string; category: string; department: string; documentsNeeded: string; standardMinutes: number; usualMinutes: number };

// ── 32 人工服务事项: [name, category, department, documents, standard, usual] ─────────────────
const STAFFED: [string, string, string, string, number, number][] = [
  ["企业设立登记（公司）", "市场准入", SCJG, "公司登记（备案）申请书；公司章程；股东、法定代表人身份证明；住所使用证明（租赁合同）", 40, 90],
  ["个体工商户设立登记", "市场准入", SCJG, "个体工商户登记申请书；经营者身份证；经营场所使用证明", 20, 50],
  ["企业变更登记（名称、住所、经营范围）", "市场准入", SCJG, "变更登记申请书；股东会决议；章程修正案；新住所使用证明", 30, 70],
  ["企业注销登记（含简易注销）", "市场准入", SCJG, "注销登记申请书；清算报告或全体投资人承诺书；清税证明", 30, 80],
  ["分公司设立登记", "市场准入", SCJG, "分公司登记申请书；总公司营业执照；负责人任职文件及身份证明；经营场所使用证明", 30, 70],
  ["食品经营许可（新办）", "食品经营", SCJG, "食品经营许可申请书；营业执照；食品安全管理制度；经营场所平面布局图；设备布局和操作流程", 45, 110],
  ["食品经营许可变更、延续", "食品经营", SCJG, "变更（延续）申请书；原食品经营许可证；变更事项的证明材料", 30, 70],
  ["小餐饮登记", "食品经营", SCJG, "小餐饮登记申请表；营业执照；从业人员健康证明；经营场所平面图", 25, 60],
  ["仅销售预包装食品备案", "食品经营", SCJG, "备案信息表；营业执照；经营场所地址", 15, 40],
  ["公众聚集场所投入使用、营业前消防安全检查", "消防安全", XF, "消防安全检查申请表（告知承诺）；营业执照；场所平面图；消防设施检测报告；装修材料防火性能证明", 40, 100],
  ["开业前消防安全指导（现场辅导预约）", "消防安全", XF, "场所平面图；装修方案", 20, 60],
  ["户外招牌（店招店牌）设置", "城市管理", ZF, "招牌设置申请表；效果图（含尺寸、材质、位置）；营业执照；房屋产权人同意书", 25, 70],
  ["商圈外摆（临时占道经营）申请", "城市管理", ZF, "外摆申请表；外摆区域示意图；营业执照；门前三包责任书", 20, 60],
  ["餐厨垃圾收运登记", "城市管理", ZF, "收运登记表；营业执照；油水分离设施照片", 15, 40],
  ["城镇污水排入排水管网许可", "城市管理", CG, "排水许可申请表；排水管网图；隔油设施照片；营业执照", 30, 80],
  ["公共场所卫生许可", "卫生健康", WJ, "公共场所卫生许可申请表；营业执照；卫生管理制度；从业人员健康证明；平面布局图", 30, 80],
  ["从业人员健康体检预约", "卫生健康", WJ, "身份证；单位介绍信", 10, 40],
  ["新办纳税人“套餐式”服务（税种认定、发票领用）", "税务", SW, "营业执照；法定代表人及办税人员身份证；经营场所证明", 25, 70],
  ["发票（数电票）开具额度调整", "税务", SW, "额度调整申请表；近期经营合同或订单", 15, 45],
  ["纳税人跨区迁移", "税务", SW, "迁移申请；清税情况说明；营业执照", 20, 60],
  ["单位社会保险参保登记", "社保医保", RS, "营业执照；法定代表人身份证；银行开户信息；职工名单", 15, 45],
  ["单位医疗保险参保登记", "社保医保", YB, "营业执照；单位参保登记表；职工名单", 15, 40],
  ["单位住房公积金缴存登记", "公积金", GJJ, "缴存登记表；营业执照；经办人授权委托书；职工名单", 15, 45],
  ["商标注册申请辅导", "知识产权", ZSCQ, "营业执照；商标图样；商品或服务类别", 30, 70],
  ["知识产权侵权纠纷调解", "知识产权", ZSCQ, "权利证明（商标注册证、专利证书）；侵权证据；调解申请书", 40, 100],
  ["高层次人才分类认定申报", "人才", RC, "人才认定申请表；学历学位证书；劳动合同；社保缴纳证明", 30, 80],
  ["外国人来华工作许可", "人才", KJ, "工作许可申请表；护照；学历证明及无犯罪记录证明；劳动合同", 40, 100],
  ["小微企业融资对接（银企对接）", "金融", JR, "融资需求表；营业执照；近一年财务报表", 25, 60],
  ["政府性融资担保申请", "金融", JR, "担保申请书；营业执照；财务报表；纳税证明", 30, 80],
  ["单用途商业预付卡备案", "商务文旅", SWJ, "备案表；营业执照；预付卡章程及合同范本；资金存管协议", 20, 50],
  ["娱乐场所经营许可", "商务文旅", WG, "娱乐场所经营许可申请书；营业执照；投资人身份证明；场所平面图；消防安全检查合格证明", 40, 100],
  ["特种行业许可（旅馆业）", "公安", GA, "特种行业许可申请表；营业执照；法定代表人身份证；治安保卫制度；消防安全检查合格证明", 40, 100],
];

// ── 150 自助服务事项, by department: the terminal or the station's guided online service ──
type SelfGroup = { category: string; department: string; documents: string; standard: number; usual: number; items: string[] };
const SELF_SERVICE: SelfGroup[] = [
  { category: "市场准入", department: SCJG, documents: "电子营业执照或法定代表人身份证", standard: 5, usual: 20, items: [
    "营业执照自助打印", "电子营业执照下载与授权", "企业登记信息查询", "企业信用信息公示报告打印", "企业年度报告填报", "个体工商户年度报告填报",
    "企业名称自主申报", "经营范围规范表述查询", "企业登记档案查询打印", "个体工商户变更登记（网上）", "市场主体歇业备案", "企业简易注销公告",
    "移出经营异常名录申请", "企业联络员备案", "企业住所（经营场所）信息申报", "营业执照遗失补领申请",
  ] },
  { category: "食品经营", department: SCJG, documents: "营业执照；食品经营许可证编号", standard: 5, usual: 20, items: [
    "食品经营许可证打印", "食品经营许可信息查询", "小餐饮登记证打印", "食品安全管理员在线考核", "食品经营许可延续申请（网上）", "食品安全承诺书签署",
    "仅销售预包装食品备案信息变更", "餐饮服务“阳光厨房”接入申请",
  ] },
  { category: "质量计量", department: SCJG, documents: "营业执照；计量器具信息", standard: 6, usual: 25, items: ["电子计价秤强制检定申报", "计量器具检定证书打印", "商品条码注册查询"] },
  { category: "税务", department: SW, documents: "电子营业执照或办税人员身份证", standard: 5, usual: 25, items: [
    "数电发票自助开具", "发票自助代开", "完税证明自助开具", "纳税信用等级查询", "增值税及附加税费申报", "个人所得税扣缴申报",
    "财务会计报表报送", "税费缴纳（三方协议）", "三方协议签订与变更", "税收优惠备案查询", "涉税信息查询", "清税证明开具",
    "“六税两费”减免申报", "个人所得税综合所得汇算", "印花税申报", "发票真伪查验", "无欠税证明开具", "办税人员实名信息采集",
  ] },
  { category: "社保医保", department: RS, documents: "单位社保编号或本人身份证", standard: 4, usual: 20, items: [
    "单位参保证明打印", "个人参保证明打印", "社保缴费明细查询", "职工参保增员", "职工参保减员", "社保缴费基数申报", "灵活就业人员参保登记",
    "社会保障卡申领", "社会保障卡挂失补换", "就业登记", "失业登记", "失业保险金申领", "劳动用工备案",
  ] },
  { category: "社保医保", department: YB, documents: "医保电子凭证或本人身份证", standard: 4, usual: 20, items: [
    "医保参保证明打印", "医保个人账户查询", "医保电子凭证激活", "异地就医备案", "医保关系转移接续", "生育津贴申领", "单位医保缴费明细查询",
  ] },
  { category: "公积金", department: GJJ, documents: "单位公积金账号或本人身份证", standard: 4, usual: 20, items: [
    "单位缴存证明打印", "个人缴存证明打印", "缴存基数年度调整", "个人账户设立", "个人账户封存", "个人账户启封", "租房提取", "购房提取", "公积金贷款进度查询",
  ] },
  { category: "知识产权", department: ZSCQ, documents: "营业执照；商标或专利信息", standard: 8, usual: 30, items: [
    "商标近似查询", "商标注册网上申请", "商标变更、续展申请", "专利费用减缴备案", "专利信息检索", "知识产权质押登记信息查询", "专利权评价报告请求",
  ] },
  { category: "人才", department: RC, documents: "本人身份证；学历证书；劳动合同", standard: 8, usual: 30, items: [
    "新引进应届大学生生活补贴申领", "大学生租房补贴申领", "人才公寓申请", "杭州人才码申领", "流动人员人事档案查询", "人事档案转递申请",
    "职称证书查询打印", "职业技能等级证书查询",
  ] },
  { category: "人才", department: KJ, documents: "外国人工作许可证；护照", standard: 8, usual: 30, items: ["外国人工作许可延期", "外国人工作许可注销"] },
  { category: "金融", department: JR, documents: "营业执照；近期财务报表", standard: 8, usual: 30, items: [
    "融资需求登记", "政策性融资担保网上申请", "应急转贷资金申请", "贷款贴息申报", "企业征信报告查询预约", "小微企业首贷户培育登记",
  ] },
  { category: "城市管理", department: ZF, documents: "营业执照；门店照片", standard: 5, usual: 20, items: [
    "门前三包责任书签订", "店招设置进度查询", "商圈外摆时段预约", "餐厨垃圾收运计量查询", "装修垃圾清运预约", "商圈货车装卸泊位预约",
  ] },
  { category: "城市管理", department: CG, documents: "营业执照；设施位置示意图", standard: 6, usual: 25, items: ["城市道路临时占用网上申请", "户外广告设施安全检测报告上传"] },
  { category: "消防安全", department: XF, documents: "营业执照；场所信息", standard: 6, usual: 25, items: [
    "消防安全自我评估申报", "消防安全检查进度查询", "消防设施维保记录上传", "消防安全管理人备案", "消防安全培训报名",
  ] },
  { category: "卫生健康", department: WJ, documents: "营业执照或本人身份证", standard: 5, usual: 20, items: [
    "公共场所卫生许可证打印", "从业人员健康证明查询打印", "公共场所卫生许可延续网上申请", "控烟场所自查申报",
  ] },
  { category: "商务文旅", department: SWJ, documents: "营业执照；经营者联系方式", standard: 6, usual: 25, items: [
    "单用途预付卡备案信息查询", "对外贸易经营者备案", "商圈促消费活动报名", "消费券商户报名", "夜间经济示范店申报",
  ] },
  { category: "商务文旅", department: WG, documents: "营业执照；许可证编号", standard: 6, usual: 25, items: ["营业性演出网上申请", "娱乐场所备案信息查询", "旅行社分社备案"] },
  { category: "公安", department: GA, documents: "营业执照或本人身份证", standard: 6, usual: 25, items: [
    "公章刻制备案", "旅馆业治安管理信息登记", "境外人员住宿登记", "无犯罪记录证明开具", "居住证申领",
  ] },
  { category: "不动产", department: BDC, documents: "不动产权证号或权利人身份证", standard: 6, usual: 25, items: ["不动产登记信息查询", "不动产权证明打印"] },
  { category: "不动产", department: ZJ, documents: "租赁合同；房屋权属证明", standard: 6, usual: 25, items: ["房屋租赁登记备案", "非住宅租赁合同网签备案"] },
  { category: "统计调查", department: TJ, documents: "统一社会信用代码", standard: 6, usual: 20, items: ["统计联网直报", "个体工商户统计调查填报"] },
  { category: "法律服务", department: SF, documents: "营业执照；相关合同或证据", standard: 8, usual: 30, items: ["法律咨询预约", "合同审查预约（公共法律服务）", "商事纠纷调解申请"] },
  { category: "生态环境", department: HJ, documents: "营业执照；设施照片", standard: 6, usual: 25, items: ["排污许可登记（网上）", "餐饮油烟净化设施清洗记录上传"] },
  { category: "综合服务", department: QF, documents: "营业执照或经营者身份证", standard: 5, usual: 20, items: [
    "惠企政策匹配（政策计算器）", "惠企政策兑现申报", "企业诉求登记", "商圈招聘信息发布", "共享会议室预约", "证照材料复印扫描",
    "电子印章申领", "商户诚信档案查询", "商圈停车优惠申领", "办事进度查询", "“一类事”办理指南查询", "跨省通办材料寄递",
  ] },
];

/** The catalogue, in its display order: RG-001… then ZZ-001…. Pure, so a test can read it. */
export function hbCatalogue(): ItemSpec[] {
  const staffed = STAFFED.map(([name, category, department, documentsNeeded, standardMinutes, usualMinutes], i): ItemSpec => ({
    code: `RG-${String(i + 1).padStart(3, "0")}`, kind: "STAFFED", name, category, department, documentsNeeded, standardMinutes, usualMinutes,
  }));
  let n = 0;
  const self = SELF_SERVICE.flatMap((g) =>
    g.items.map((name, k): ItemSpec => {
      n += 1;
      // A little spread within a group (a printout is quicker than a declaration).
      return { code: `ZZ-${String(n).padStart(3, "0")}`, kind: "SELF_SERVICE", name, category: g.category, department: g.department, documentsNeeded: g.documents, standardMinutes: g.standard + (k % 3), usualMinutes: g.usual + (k % 4) * 5 };
    }),
  );
  if (staffed.length !== HB_FIGURES.staffed || self.length !== HB_FIGURES.selfService) {
    throw new Error(`demo catalogue: ${staffed.length} staffed / ${self.length} self-service items, expected ${HB_FIGURES.staffed} / ${HB_FIGURES.selfService}`);
  }
  return [...staffed, ...self];
}

// ── 一类事 bundles: the trade of the shop that asks for it ──────────────────────────────────
type Trade = "restaurant" | "drinks" | "grocery" | "beauty" | "retail" | "service" | "hotel" | "company";
const BUNDLES: { code: string; name: string; description: string; items: string[]; trade: Trade }[] = [
  { code: "YLS-01", name: "开一家餐馆", trade: "restaurant", items: ["RG-002", "RG-006", "RG-010", "RG-012", "RG-015", "RG-014"],
    description: "营业执照、食品经营许可、消防安全检查、店招设置、排水许可、餐厨垃圾收运一次办。" },
  { code: "YLS-02", name: "开一家便利店", trade: "grocery", items: ["RG-002", "RG-009", "RG-012", "RG-018"],
    description: "个体工商户登记、预包装食品备案、店招设置、新办纳税人套餐一次办。" },
  { code: "YLS-03", name: "开一家美容美发店", trade: "beauty", items: ["RG-002", "RG-016", "RG-012", "RG-030"],
    description: "个体工商户登记、公共场所卫生许可、店招设置、预付卡备案一次办。" },
  { code: "YLS-04", name: "开一家咖啡馆（茶饮店）", trade: "drinks", items: ["RG-002", "RG-008", "RG-012", "RG-013"],
    description: "个体工商户登记、小餐饮登记、店招设置、商圈外摆申请一次办。" },
  { code: "YLS-05", name: "开一家民宿（旅馆）", trade: "hotel", items: ["RG-001", "RG-032", "RG-016", "RG-010"],
    description: "公司设立、特种行业许可、公共场所卫生许可、消防安全检查一次办。" },
  { code: "YLS-06", name: "企业迁入湖滨", trade: "company", items: ["RG-003", "RG-020", "RG-021", "RG-023"],
    description: "住所变更登记、税务跨区迁移、社保和公积金登记一次办。" },
  { code: "YLS-07", name: "新招员工一件事", trade: "company", items: ["RG-021", "RG-022", "RG-023"],
    description: "员工录用后的社保、医保、公积金登记一次办。" },
];

// ── 1,400 enterprises and shops in 湖滨街道's six communities ───────────────────────────────
const STREETS: Record<string, { streets: string[]; count: number }> = {
  "hb-dpl": { streets: ["东坡路", "平海路", "仁和路", "湖滨路", "湖滨银泰in77"], count: 300 },
  "hb-ywl": { streets: ["岳王路", "浣纱路", "庆春路", "延安路", "龙翔桥"], count: 260 },
  "hb-qnl": { streets: ["青年路", "长生路", "邮电路", "学士路"], count: 240 },
  "hb-wsl": { streets: ["吴山路", "国货路", "光复路", "将军路"], count: 220 },
  "hb-dpx": { streets: ["东平巷", "惠兴路", "定安路", "开元路"], count: 200 },
  "hb-yjm": { streets: ["南山路", "西湖大道", "涌金广场", "开元路"], count: 180 },
};
const BRANDS = [
  "湖畔", "西子", "断桥", "柳浪", "涌金", "钱塘", "知味", "东坡", "龙井", "平湖", "南山", "孤山", "白堤", "苏堤", "吴山", "清河",
  "望湖", "听雨", "揽月", "湖光", "宝石", "葛岭", "曲院", "花港", "三潭", "云栖", "九溪", "虎跑", "满陇", "龙翔", "仁和", "平海",
  "学士", "长生", "惠兴", "浣纱", "庆春", "开元", "北山", "锦绣", "鸿运", "福满", "嘉禾", "和畅", "悦来", "同福", "聚贤", "启明",
  "星辰", "拾光", "小满", "半夏", "初见", "慢时", "一隅", "木子", "青禾", "栖迟", "晴川", "南屏", "映波", "锁澜", "望山", "压堤",
  "玉泉", "灵隐", "梅坞", "翁家", "杨梅", "桂语",
];
/** [name suffix, industry, trade, is a company (有限公司) rather than a 个体工商户, relative weight] */
const KINDS: [string, string, Trade, boolean, number][] = [
  ["小吃店", "住宿和餐饮业", "restaurant", false, 5], ["面馆", "住宿和餐饮业", "restaurant", false, 4], ["餐馆", "住宿和餐饮业", "restaurant", false, 4],
  ["酒家", "住宿和餐饮业", "restaurant", false, 2], ["餐饮管理有限公司", "住宿和餐饮业", "restaurant", true, 3],
  ["咖啡馆", "住宿和餐饮业", "drinks", false, 4], ["茶饮店", "住宿和餐饮业", "drinks", false, 4], ["烘焙坊", "住宿和餐饮业", "drinks", false, 2],
  ["便利店", "批发和零售业", "grocery", false, 4], ["烟酒店", "批发和零售业", "grocery", false, 2], ["水果店", "批发和零售业", "grocery", false, 2], ["食品店", "批发和零售业", "grocery", false, 2],
  ["美发店", "居民服务业", "beauty", false, 3], ["美甲店", "居民服务业", "beauty", false, 2], ["美容工作室", "居民服务业", "beauty", false, 2],
  ["服装店", "批发和零售业", "retail", false, 4], ["眼镜店", "批发和零售业", "retail", false, 1], ["花店", "批发和零售业", "retail", false, 1], ["茶叶店", "批发和零售业", "retail", false, 2],
  ["工艺品店", "批发和零售业", "retail", false, 2], ["丝绸店", "批发和零售业", "retail", false, 2], ["书店", "文化创意", "retail", false, 1], ["鞋店", "批发和零售业", "retail", false, 1],
  ["照相馆", "居民服务业", "service", false, 1], ["干洗店", "居民服务业", "service", false, 1], ["手机维修店", "居民服务业", "service", false, 1], ["图文打印店", "居民服务业", "service", false, 1],
  ["酒店管理有限公司", "住宿和餐饮业", "hotel", true, 2], ["民宿", "住宿和餐饮业", "hotel", false, 1],
  ["商贸有限公司", "批发和零售业", "company", true, 4], ["文化创意有限公司", "文化创意", "company", true, 3], ["旅游发展有限公司", "文化旅游", "company", true, 2],
  ["网络科技有限公司", "软件和信息技术服务业", "company", true, 3], ["服饰有限公司", "批发和零售业", "company", true, 2], ["茶业有限公司", "批发和零售业", "company", true, 1],
  ["珠宝首饰有限公司", "批发和零售业", "company", true, 1], ["教育科技有限公司", "教育", "company", true, 1], ["健康管理有限公司", "卫生和社会工作", "company", true, 1],
  ["广告有限公司", "商务服务业", "company", true, 1], ["电子商务有限公司", "批发和零售业", "company", true, 2], ["会展服务有限公司", "商务服务业", "company", true, 1],
  ["财务咨询有限公司", "商务服务业", "company", true, 1],
];
const SURNAMES = ["王", "李", "张", "陈", "刘", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭", "何", "林", "沈", "蒋", "金", "楼", "俞", "邵"];

/** A valid 个体工商户 code (92…): makeCreditCode's body under the 92 prefix, check character recomputed. */
function shopCreditCode(serial: number): string {
  const first17 = `92${makeCreditCode(serial, "330102").slice(2, 17)}`;
  return first17 + creditCodeCheckChar(first17)!;
}

type EnterpriseRow = { id: string; name: string; trade: Trade; orgUnitId: string };

async function seedEnterprises(db: Db | Tx, ids: Record<string, string>, rnd: Random): Promise<EnterpriseRow[]> {
  const weights = KINDS.reduce((sum, k) => sum + k[4], 0);
  const pickKind = () => {
    let x = rnd.next() * weights;
    for (const k of KINDS) if ((x -= k[4]) < 0) return k;
    return KINDS[0]!;
  };
  const names = new Set<string>();
  const rows: (EnterpriseRow & { creditCode: string; address: string; industry: string; size: "ABOVE_SCALE" | "SMALL_MICRO"; contactName: string; contactPhone: string | null })[] = [];
  let serial = 0;
  for (const [unit, { streets, count }] of Object.entries(STREETS)) {
    for (let i = 0; i < count; i++) {
      serial += 1;
      const [suffix, industry, trade, company] = pickKind();
      let b = rnd.int(0, BRANDS.length - 1);
      let name = "";
      for (let tries = 0; tries < BRANDS.length; tries++, b = (b + 1) % BRANDS.length) {
        name = company ? `杭州${BRANDS[b]}${suffix}` : `上城区${BRANDS[b]}${suffix}`;
        if (!names.has(name)) break;
      }
      if (names.has(name)) name = `${name}（${streets[0]}店）`;
      names.add(name);
      const street = streets[i % streets.length]!;
      const address = street.startsWith("湖滨银泰") ? `上城区延安路258号${street}${["A", "B", "C", "D", "E"][i % 5]}区${(i % 4) + 1}楼` : street === "龙翔桥" ? `上城区${street}${rnd.int(1, 60)}号` : `上城区${street}${rnd.int(1, 320)}号`;
      const surname = SURNAMES[serial % SURNAMES.length]!;
      rows.push({
        id: randomUUID(), name, trade, orgUnitId: ids[unit]!,
        creditCode: company ? makeCreditCode(8_000_000 + serial * 7_307, "330102") : shopCreditCode(8_000_000 + serial * 7_307),
        address, industry, size: company && rnd.chance(0.12) ? "ABOVE_SCALE" : "SMALL_MICRO",
        contactName: `${surname}${company ? rnd.pick(["经理", "总", "女士", "先生"]) : rnd.pick(["老板", "女士", "先生"])}`,
        contactPhone: rnd.chance(0.9) ? `13${rnd.pick(["5", "6", "7", "8", "9"])}${String(71_000_000 + serial * 3_187).padStart(8, "0")}` : null,
      });
    }
  }
  if (rows.length !== HB_FIGURES.enterprises) throw new Error(`demo enterprises: ${rows.length}, expected ${HB_FIGURES.enterprises}`);
  for (let i = 0; i < rows.length; i += 500) {
    await db.enterprise.createMany({ data: rows.slice(i, i + 500).map(({ trade: _trade, ...r }) => r) });
  }
  return rows.map(({ id, name, trade, orgUnitId }) => ({ id, name, trade, orgUnitId }));
}

// ── Cases (办件) ────────────────────────────────────────────────────────────────────────────
type Item = ItemSpec & { id: string };
type Outcome = "COMPLETED" | "REFERRED" | "REJECTED";
type Plan = {
  id: string; items: Item[]; bundle: (typeof BUNDLES)[number] | null; enterprise: EnterpriseRow; staff: string; channel: "WALK_IN" | "APPOINTMENT";
  outcome: Outcome; usual: number; actual: number; minActual: number; roundTable: boolean;
};

const VISITOR_TITLES = ["女士", "先生", "老板", "经理"];
const REFERRED_NOTES = [
  "现场核查需另约时间，已转部门窗口跟进。", "材料需补正，已一次性告知并转部门窗口办理。", "涉及规划条件确认，已转区职能部门会商。",
];
const REJECTED_NOTES = ["经营场所不符合要求，不予受理，已告知整改方向。", "申请事项不属于登记范围，已告知办理途径。"];
const CONDITIONS: Record<string, string> = {
  [XF]: "同意，开业前完成消防设施检测并提交报告。",
  [ZF]: "同意，招牌尺寸按商圈导则压缩至门头宽度以内。",
  [CG]: "同意，隔油池完工后报验收。",
  [SCJG]: "同意，加工区与就餐区需物理分隔。",
  [WJ]: "同意，从业人员健康证明办齐后发证。",
  [GA]: "同意，前台需安装住宿登记系统。",
};

function pickDistinct<T>(rnd: Random, from: readonly T[], n: number): T[] {
  const out: T[] = [];
  for (let tries = 0; out.length < n && tries < 50; tries++) {
    const x = rnd.pick(from);
    if (!out.includes(x)) out.push(x);
  }
  return out;
}

/**
 * The finished cases' minutes. Each case's natural time is its items' standard time give or
 * take 20% (a bundle is handled together: 70–100%; a round-table adds half an hour). Then, one
 * minute at a time in turn, actual times are moved within [minActual, usual] until the saved
 * minutes of each outcome group sum to exactly 36 × its size: the average is 36 exactly.
 */
function settleMinutes(plans: Plan[], perCase: number): void {
  for (const group of [plans.filter((p) => p.outcome === "COMPLETED"), plans.filter((p) => p.outcome !== "COMPLETED")]) {
    let gap = perCase * group.length - group.reduce((sum, p) => sum + (p.usual - p.actual), 0);
    for (let turn = 0; gap !== 0; turn++) {
      const p = group[turn % group.length]!;
      if (gap > 0 && p.actual > p.minActual) {
        p.actual -= 1;
        gap -= 1;
      } else if (gap < 0 && p.actual < p.usual) {
        p.actual += 1;
        gap += 1;
      }
      if (turn > 1_000_000) throw new Error("demo cases: the time saved cannot reach its average");
    }
  }
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const plusMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

export async function seedDemoServiceStations(db: Db | Tx, ids: Record<string, string>, userIds: Record<string, string>, t: DemoTime): Promise<void> {
  const programme = await db.programme.findFirst({ where: { type: "SERVICE_STATION", status: "ACTIVE", orgUnitId: ids.hb }, select: { id: true } });
  if (!programme) return;
  // The programme a case was opened under: the one whose period holds its creation day.
  const programmes = await db.programme.findMany({ where: { type: "SERVICE_STATION", orgUnitId: ids.hb }, select: { id: true, startDate: true, endDate: true } });
  const programmeOf = (at: Date) => {
    const day = shanghaiYmd(at);
    return programmes.find((p) => p.startDate.toISOString().slice(0, 10) <= day && day <= p.endDate.toISOString().slice(0, 10))?.id ?? programme.id;
  };
  const rnd = mulberry32(SEED);
  const exceptions = exceptionsFromRows(await db.calendarDay.findMany({ select: { date: true, kind: true } }));
  // Station, catalogue, bundles.
  const station = await db.serviceStation.create({ data: { programmeId: programme.id, orgUnitId: ids.hb!, ...HB_STATION, createdAt: instantOn(`${t.Y - 1}-01-04`, "09:00") } });
  const catalogue: Item[] = hbCatalogue().map((i) => ({ ...i, id: randomUUID() }));
  await db.serviceItem.createMany({ data: catalogue.map((i, sortOrder) => ({ ...i, stationId: station.id, sortOrder })) });
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const bundleIds = new Map<string, string>();
  for (const b of BUNDLES) {
    const id = randomUUID();
    bundleIds.set(b.code, id);
    await db.serviceBundle.create({
      data: { id, stationId: station.id, code: b.code, name: b.name, description: b.description, items: { create: b.items.map((code, sortOrder) => ({ itemId: byCode.get(code)!.id, sortOrder })) } },
    });
  }

  const enterprises = await seedEnterprises(db, ids, rnd);
  const byTrade = new Map<Trade, EnterpriseRow[]>();
  for (const e of enterprises) byTrade.set(e.trade, [...(byTrade.get(e.trade) ?? []), e]);
  // About one case in five comes from a regular (a shop back for its next errand).
  const regulars = enterprises.filter((_, i) => i % 9 === 0);
  const customer = () => (rnd.chance(0.2) ? rnd.pick(regulars) : rnd.pick(enterprises));

  const staffed = catalogue.filter((i) => i.kind === "STAFFED");
  const selfService = catalogue.filter((i) => i.kind === "SELF_SERVICE");
  // The self-service items merchants use most (printouts, invoices, social-insurance proofs …).
  const popular = ["ZZ-001", "ZZ-004", "ZZ-005", "ZZ-028", "ZZ-029", "ZZ-030", "ZZ-047", "ZZ-048", "ZZ-050", "ZZ-060", "ZZ-067", "ZZ-068", "ZZ-140", "ZZ-141", "ZZ-144"].map((c) => byCode.get(c)!);
  const selfItem = () => (rnd.chance(0.6) ? rnd.pick(popular) : rnd.pick(selfService));
  const officers = [userIds["hb.officer"]!, userIds["hb.officer2"]!];

  // ── 320 finished cases: ~4% bundles, ~25% a staffed item (maybe with a printout), the rest self-service.
  const plans: Plan[] = [];
  const outcomes: Outcome[] = Array.from({ length: HB_FIGURES.finishedCases }, (_, i) => (i % 20 === 7 ? "REFERRED" : i % 80 === 13 ? "REJECTED" : "COMPLETED"));
  for (let i = 0; i < HB_FIGURES.finishedCases; i++) {
    const roll = rnd.next();
    let items: Item[];
    let bundle: Plan["bundle"] = null;
    let enterprise: EnterpriseRow;
    if (roll < 0.04) {
      bundle = BUNDLES[i % BUNDLES.length]!;
      items = bundle.items.map((c) => byCode.get(c)!);
      enterprise = rnd.pick(byTrade.get(bundle.trade)!);
    } else if (roll < 0.3) {
      items = [rnd.pick(staffed), ...(rnd.chance(0.3) ? [selfItem()] : [])];
      enterprise = customer();
    } else {
      items = pickDistinct(rnd, [selfItem(), selfItem(), selfItem()], rnd.chance(0.25) ? 2 : 1);
      enterprise = customer();
    }
    const standard = items.reduce((s, it) => s + it.standardMinutes, 0);
    const usual = items.reduce((s, it) => s + it.usualMinutes, 0);
    const roundTable = bundle !== null && new Set(items.map((it) => it.department)).size >= 2 && rnd.chance(0.7);
    const factor = bundle ? 0.7 + rnd.next() * 0.3 : 0.8 + rnd.next() * 0.4;
    const minActual = Math.max(2, Math.ceil(standard * 0.6)) + (roundTable ? 20 : 0);
    const actual = Math.min(usual, Math.max(minActual, Math.round(standard * factor) + (roundTable ? 30 : 0)));
    plans.push({
      id: randomUUID(), items, bundle, enterprise, staff: officers[rnd.chance(0.6) ? 0 : 1]!, channel: bundle || rnd.chance(0.2) ? "APPOINTMENT" : "WALK_IN",
      outcome: outcomes[i]!, usual, actual, minActual, roundTable,
    });
  }
  settleMinutes(plans, HB_FIGURES.averageSavedMinutes);

  // ── When: each on a working day of the demo's history before today, in working hours, finished by 17:30.
  const days = workingDaysBetween(t.D(-ACTIVITY_DAYS), t.D(-1), exceptions);
  const rows: (Prisma.ServiceCaseCreateManyInput & { id: string; number: string; createdAt: Date })[] = [];
  const caseItems: { caseId: string; itemId: string; standardMinutes: number; usualMinutes: number }[] = [];
  const tables: { id: string; caseId: string; topic: string; status: "OPEN" | "CONCLUDED"; openedById: string; openedAt: Date; concludedAt: Date | null }[] = [];
  const opinions: { roundTableId: string; department: string; verdict: "AGREE" | "AGREE_WITH_CONDITIONS" | "DISAGREE" | null; comment: string; answeredById: string | null; answeredAt: Date | null }[] = [];
  const visitor = (e: EnterpriseRow) => (e.name.startsWith("杭州") ? `${rnd.pick(SURNAMES)}${rnd.pick(["经理", "女士", "先生"])}` : `${rnd.pick(SURNAMES)}${rnd.pick(VISITOR_TITLES)}`);
  const requestOf = (p: Pick<Plan, "items" | "bundle">) => (p.bundle ? `${p.bundle.name}：${p.bundle.description}` : `办理${p.items.map((i) => i.name).join("、")}`);
  const addItems = (caseId: string, items: Item[]) => caseItems.push(...items.map((i) => ({ caseId, itemId: i.id, standardMinutes: i.standardMinutes, usualMinutes: i.usualMinutes })));
  const addTable = (caseId: string, p: Pick<Plan, "items" | "bundle" | "staff" | "outcome">, openedAt: Date, answerBy: Date | null, unanswered: number) => {
    const id = randomUUID();
    const departments = [...new Set(p.items.map((i) => i.department))];
    const answered = departments.length - unanswered;
    const span = answerBy ? answerBy.getTime() - openedAt.getTime() : 0;
    departments.forEach((department, k) => {
      const done = k < answered;
      const at = done ? new Date(openedAt.getTime() + Math.round((span * (k + 1)) / Math.max(1, answered))) : null;
      const disagree = done && p.outcome !== "COMPLETED" && k === 0;
      const conditional = done && !disagree && CONDITIONS[department] && rnd.chance(0.5);
      opinions.push({
        roundTableId: id, department,
        verdict: !done ? null : disagree ? "DISAGREE" : conditional ? "AGREE_WITH_CONDITIONS" : "AGREE",
        comment: !done ? "" : disagree ? "经营场所条件暂不符合，建议整改后再申请。" : conditional ? CONDITIONS[department]! : "同意。",
        answeredById: done ? p.staff : null, answeredAt: at,
      });
    });
    tables.push({ id, caseId, topic: `${p.bundle?.name ?? "联办事项"}：${departments.length}个部门圆桌会商`, status: unanswered > 0 ? "OPEN" : "CONCLUDED", openedById: p.staff, openedAt, concludedAt: unanswered > 0 ? null : answerBy });
  };

  if (days.length > 0) {
    for (const p of plans) {
      const day = rnd.pick(days);
      const latest = Math.max(WORK_START, WORK_END - p.actual);
      const startedAt = instantOn(day, hhmm(rnd.int(WORK_START, latest)));
      const finishedAt = plusMinutes(startedAt, p.actual);
      const scheduledAt = p.channel === "APPOINTMENT" ? plusMinutes(startedAt, -rnd.int(0, 10)) : null;
      const booked = scheduledAt ? new Date(scheduledAt.getTime() - rnd.int(1, 5) * 86_400_000) : startedAt;
      rows.push({
        id: p.id, stationId: station.id, programmeId: "", orgUnitId: ids.hb!, number: "", channel: p.channel, enterpriseId: p.enterprise.id,
        bundleId: p.bundle ? bundleIds.get(p.bundle.code)! : null, staffId: p.staff, createdById: p.staff, visitorName: visitor(p.enterprise), request: requestOf(p),
        scheduledAt, startedAt, finishedAt, status: "FINISHED", outcome: p.outcome,
        outcomeNote: p.outcome === "REFERRED" ? rnd.pick(REFERRED_NOTES) : p.outcome === "REJECTED" ? rnd.pick(REJECTED_NOTES) : "",
        usualMinutes: p.usual, actualMinutes: p.actual, savedMinutes: p.usual - p.actual, createdAt: booked,
      });
      addItems(p.id, p.items);
      // The round-table sits in the middle of the case: opened a quarter in, the last answer 30 minutes before the end.
      if (p.roundTable) addTable(p.id, p, plusMinutes(startedAt, Math.floor(p.actual / 4)), plusMinutes(finishedAt, -Math.min(30, Math.floor(p.actual / 4))), 0);
    }
  }

  // ── Open work: cases in progress today (or on the last working day), two waiting round-tables,
  // cancelled appointments, and appointments booked for the next working days.
  const lastDay = days.at(-1);
  const todayOpen = isWorkingDay(t.today, exceptions) && t.now >= instantOn(t.today, hhmm(WORK_START + 60));
  const open = (k: number, bundle: (typeof BUNDLES)[number] | null, items: Item[], status: "IN_PROGRESS" | "ROUND_TABLE", unanswered: number) => {
    const start = todayOpen ? plusMinutes(t.now, -(20 + k * 17)) : lastDay ? instantOn(lastDay, hhmm(WORK_END - 90 - k * 25)) : null;
    if (!start) return;
    const enterprise = bundle ? rnd.pick(byTrade.get(bundle.trade)!) : customer();
    const id = randomUUID();
    const staff = officers[k % 2]!;
    rows.push({
      id, stationId: station.id, programmeId: "", orgUnitId: ids.hb!, number: "", channel: "WALK_IN", enterpriseId: enterprise.id,
      bundleId: bundle ? bundleIds.get(bundle.code)! : null, staffId: staff, createdById: staff, visitorName: visitor(enterprise), request: requestOf({ items, bundle }),
      startedAt: start, status, createdAt: start,
    });
    addItems(id, items);
    if (status === "ROUND_TABLE") addTable(id, { items, bundle, staff, outcome: "COMPLETED" }, plusMinutes(start, 10), plusMinutes(start, 15), unanswered);
  };
  open(0, null, [byCode.get("RG-006")!], "IN_PROGRESS", 0);
  open(1, null, [byCode.get("RG-026")!, byCode.get("ZZ-067")!], "IN_PROGRESS", 0);
  open(2, null, [byCode.get("RG-012")!], "IN_PROGRESS", 0);
  open(3, BUNDLES[0]!, BUNDLES[0]!.items.map((c) => byCode.get(c)!), "ROUND_TABLE", 1);
  open(4, BUNDLES[3]!, BUNDLES[3]!.items.map((c) => byCode.get(c)!), "ROUND_TABLE", 1);

  for (let k = 0; k < 4 && days.length > 0; k++) {
    const day = rnd.pick(days);
    const scheduledAt = instantOn(day, hhmm(WORK_START + 60 + k * 45));
    const enterprise = customer();
    const items = [rnd.pick(staffed)];
    const id = randomUUID();
    rows.push({
      id, stationId: station.id, programmeId: "", orgUnitId: ids.hb!, number: "", channel: "APPOINTMENT", enterpriseId: enterprise.id,
      staffId: officers[k % 2]!, createdById: officers[k % 2]!, visitorName: visitor(enterprise), request: requestOf({ items, bundle: null }),
      scheduledAt, finishedAt: plusMinutes(scheduledAt, -30), status: "CANCELLED", outcomeNote: rnd.pick(["企业来电改期。", "材料未备齐，企业取消预约。", "企业已通过网上办理。"]),
      createdAt: new Date(scheduledAt.getTime() - 2 * 86_400_000),
    });
    addItems(id, items);
  }
  let ahead = t.today;
  for (let k = 0; k < 5; k++) {
    if (k % 2 === 0) ahead = nextWorkingDay(ahead, exceptions);
    const scheduledAt = instantOn(ahead, ["09:30", "14:00"][k % 2]!);
    const bundle = k === 0 ? BUNDLES[1]! : k === 3 ? BUNDLES[2]! : null;
    const items = bundle ? bundle.items.map((c) => byCode.get(c)!) : [rnd.pick(staffed)];
    const enterprise = bundle ? rnd.pick(byTrade.get(bundle.trade)!) : customer();
    const id = randomUUID();
    rows.push({
      id, stationId: station.id, programmeId: "", orgUnitId: ids.hb!, number: "", channel: "APPOINTMENT", enterpriseId: enterprise.id,
      bundleId: bundle ? bundleIds.get(bundle.code)! : null, staffId: officers[k % 2]!, createdById: officers[k % 2]!, visitorName: visitor(enterprise),
      request: requestOf({ items, bundle }), scheduledAt, status: "SCHEDULED",
      createdAt: new Date(t.now.getTime() - (k + 1) * 47 * 60_000),
    });
    addItems(id, items);
  }

  // Numbers in the order the cases were opened, from the app's counter (so it continues after them).
  rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const unit = await db.orgUnit.findUniqueOrThrow({ where: { id: ids.hb }, select: { code: true } });
  for (const r of rows) {
    r.programmeId = r.status === "FINISHED" || r.status === "CANCELLED" ? programmeOf(r.createdAt) : programme.id;
    r.number = await nextCaseNumber(unit.code, r.createdAt, db as Tx);
  }
  await db.serviceCase.createMany({ data: rows });
  await db.serviceCaseItem.createMany({ data: caseItems });
  await db.roundTable.createMany({ data: tables });
  await db.roundTableOpinion.createMany({ data: opinions });
}
