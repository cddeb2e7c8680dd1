// Indicators each programme type knows how to compute from its records (the programme
// modules read targets by these codes). Admins may add their own indicators as well; those
// are tracked by hand until a module computes them.
import type { ProgrammeType } from "@/lib/generated/prisma/enums";

export const PROGRAMME_TYPES = ["MENTORSHIP", "VISIT_CAMPAIGN", "HOTLINE", "TALENT_POINTS", "SHOWCASE", "INVESTMENT", "KEY_PROJECT"] as const;
export const PROGRAMME_STATUSES = ["DRAFT", "ACTIVE", "CLOSED"] as const;

export type IndicatorTemplate = { code: string; unit: string };

/** Names are in messages/*.json under "indicators.<code>". */
export const INDICATOR_CATALOGUE: Record<ProgrammeType, IndicatorTemplate[]> = {
  VISIT_CAMPAIGN: [
    { code: "households_visited", unit: "户" },
    { code: "enterprises_visited", unit: "家" },
    { code: "problems_solved", unit: "个" },
    { code: "events_held", unit: "场" },
  ],
  MENTORSHIP: [
    { code: "pairings_active", unit: "对" },
    { code: "guided_visits", unit: "次" },
    { code: "disputes_resolved", unit: "件" },
  ],
  HOTLINE: [
    { code: "requests_closed", unit: "件" },
    { code: "same_day_response_rate", unit: "%" },
    { code: "satisfaction_rate", unit: "%" },
  ],
  TALENT_POINTS: [
    { code: "talents_served", unit: "人" },
    { code: "points_granted", unit: "分" },
    { code: "resources_redeemed", unit: "个" },
  ],
  SHOWCASE: [
    { code: "entries_presented", unit: "人" },
    { code: "sessions_held", unit: "场" },
  ],
  INVESTMENT: [
    { code: "trips", unit: "次" },
    { code: "enterprises_met", unit: "家" },
    { code: "projects_signed", unit: "个" },
    { code: "investment_signed", unit: "亿元" },
  ],
  KEY_PROJECT: [
    { code: "projects_started", unit: "个" },
    { code: "projects_in_production", unit: "个" },
    { code: "investment_completed", unit: "亿元" },
  ],
};

/** DRAFT → ACTIVE → CLOSED; nothing goes back (a closed programme's numbers are final). */
export const STATUS_TRANSITIONS: Record<string, readonly string[]> = {
  DRAFT: ["ACTIVE"],
  ACTIVE: ["CLOSED"],
  CLOSED: [],
};
