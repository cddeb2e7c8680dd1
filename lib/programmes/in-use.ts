// Which programme modules mean something to a user, for the navigation. The permission table
// says every role may open every module (a village officer may log 招商 leads, score a 三争一实
// session …), but a module only has work in it where one of its programmes reaches the user:
// a village officer of 浦阳 sees no 招商引资 or 重点项目 programme, so those pages are empty dead
// ends for him, and on a phone they push his own modules off the menu strip.
import "server-only";
import { cache } from "react";
import { db } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import type { ProgrammeType } from "@/lib/generated/prisma/enums";
import { visibleProgrammes } from "./queries";
import { PROGRAMME_MODULES } from "./registry";

// The navigation (components/shell) names the types through this module, not the Prisma client.
export type { ProgrammeType };

/**
 * The programme types in use for the actor: an ACTIVE programme of that type is visible to
 * them (lib/programmes/queries visibleProgrammes: owned in their subtree, taking part, or
 * reaching them from above), or its module says so (descriptor `alsoInUse`: the hotline counts
 * as in use also when a request reaches the user without its programme being visible, through
 * a department's queue or a personal assignment).
 *
 * Only ACTIVE programmes count: a draft has no work for an officer yet, and a closed one is
 * history that stays reachable from 专项工作 (/programmes) and by its links. Admins are not
 * special-cased: they set programmes up on /programmes, and see every module once one runs.
 * Cached per request, so the shell and a page asking the same question query once.
 */
export const programmeTypesInUse = cache(async (actor: Actor): Promise<ReadonlySet<ProgrammeType>> => {
  const [active, also] = await Promise.all([
    db.programme.findMany({
      where: { AND: [visibleProgrammes(actor), { status: "ACTIVE" }] },
      distinct: ["type"],
      select: { type: true },
    }),
    Promise.all(PROGRAMME_MODULES.map(async (m) => ((await m.alsoInUse?.(actor)) ? m.type : null))),
  ]);
  const types = new Set<ProgrammeType>(active.map((p) => p.type));
  for (const type of also) if (type) types.add(type);
  return types;
});
