// The audit log in people's words. Every action name and object type the code writes into
// audit_log has a label in messages/audit/<locale>.json (namespace "auditNames"):
// tests/unit/audit-labels.test.ts collects the names from the source and fails on one
// without a label, or on an object type missing from this list (the log's type filter).

/** Every object type an audit row can name (the filter offers them sorted by label). */
export const AUDIT_ENTITY_TYPES = [
  "CalendarDay", "CalendarYear", "CampaignEvent", "Dashboard", "Database", "DevelopmentPlan",
  "Enterprise", "Household", "InvestmentLead", "InvestmentTrip", "KeyProject", "ManagerReport", "MentoringActivity",
  "Notification", "NotificationDelivery", "NotificationPreference", "OrgUnit", "Pairing", "Permission", "PlanTemplate", "Pledge", "PointApplication",
  "PointEvidence", "PointItem", "PointLedgerEntry", "PointResource", "PoolMember", "Problem",
  "Programme", "Prospect", "RankingScheme", "Redemption", "ResourceQuota", "RoundTable", "ServiceBundle", "ServiceCase", "ServiceCaseDocument", "ServiceItem", "ServiceRequest", "ServiceStation",
  "ShowcaseEntry", "ShowcaseSession", "Talent", "TalentListEntry", "TaskForce", "Unknown", "User",
  "Visit", "VisitPhoto",
] as const;

type Translate = { (key: string, values?: Record<string, string>): string; has: (key: string) => boolean };

/**
 * The label of an action name ("visit.create" → 新建走访). A name that is also the prefix of
 * others ("register.import" beside "register.import.upload") keeps its own label under "_".
 * Names the catalogue lacks are shown as written, so a new action is never hidden.
 */
export function auditActionLabel(t: Translate, name: string): string {
  for (const key of [`actions.${name}._`, `actions.${name}`]) if (t.has(key)) return t(key);
  return name;
}

/** The label of an object type (Visit → 走访), or the type as written. */
export function auditEntityLabel(t: Translate, type: string): string {
  return type && t.has(`entityTypes.${type}`) ? t(`entityTypes.${type}`) : type;
}

