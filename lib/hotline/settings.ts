// Settings of a HOTLINE programme (Programme.settings), validated here. Anything missing or
// malformed falls back to the defaults, so a programme created before a setting existed
// still works: 当天受理、当天交办、当天回应 with a 17:00 cut-off.
import { z } from "zod";
import { sameDayRuleIsValid } from "@/lib/platform/calendar/working-days";

const hhmm = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/);

/** Categories of requests (诉求类别) the Liangzhu hotline sorts its calls into. */
export const DEFAULT_CATEGORIES = ["用工招工", "融资贷款", "政策咨询", "审批办证", "水电气保障", "物流交通", "科技创新", "检验检测", "知识产权", "人才住房", "其他"];

export const hotlineSettingsSchema = z.object({
  /** A request received after this time (Shanghai) is due the next working day. */
  cutoff: hhmm.default("17:00"),
  /** When "the same day" ends: midnight ("24:00") or the office's closing time. */
  dayEnd: hhmm.default("24:00"),
  /** The warning notice goes out this long before a clock runs out. */
  warnMinutesBefore: z.number().int().min(0).max(24 * 60).default(60),
  categories: z.array(z.string().trim().min(1).max(20)).min(1).max(50).default(DEFAULT_CATEGORIES),
}).refine((s) => sameDayRuleIsValid(s), { path: ["cutoff"], message: "@hotline.cutoffAfterDayEnd" });

export type HotlineSettings = z.infer<typeof hotlineSettingsSchema>;

export function parseHotlineSettings(value: unknown): HotlineSettings {
  const parsed = hotlineSettingsSchema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  return hotlineSettingsSchema.parse({});
}
