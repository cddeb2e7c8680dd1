// The user list's query string (app/(app)/admin/users/page.tsx), one schema per parameter of
// its filter form (lib/platform/url-filters.ts).
import { ROLES } from "@/lib/platform/authz/permissions";
import { filterCursor, filterEnum, filterId, filterText } from "@/lib/platform/url-filters";

export const userFilterShape = {
  q: filterText(50),
  org: filterId,
  role: filterEnum(ROLES),
  active: filterEnum(["true", "false"] as const),
  after: filterCursor,
};
