"use server";
import { getTranslations } from "next-intl/server";
import { action } from "@/lib/platform/action";
import { ConflictError } from "@/lib/platform/errors";
import { getProblemOrThrow } from "./queries";
import { assignProblem, transitionProblem } from "./mutations";
import { transitionProblemContract, assignProblemContract } from "./schemas";

const revalidate = ["/problems", "/visits"];

/** "状态不能从“待处理”变为“处理中”": the statuses in the user's words, not enum names. */
async function withStatusLabels<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ConflictError && error.messageKey === "statusTransition") {
      const t = await getTranslations("problems");
      const label = (s: unknown) => (typeof s === "string" && s ? t(`status.${s}` as never) : "");
      throw new ConflictError("statusTransition", { from: label(error.values.from), to: label(error.values.to) });
    }
    throw error;
  }
}

export const transitionProblemAction = action(
  transitionProblemContract, { revalidate },
  async (input, { user, tx, audit }) =>
    withStatusLabels(async () => {
      const problem = await getProblemOrThrow(user, input.id, tx);
      const { updated, escalatedTo, viaDepartment } = await transitionProblem(user, problem, input, tx);
      await audit({
        action: `problem.${input.to === "REOPENED" ? "reopen" : "transition"}`,
        entityType: "Problem",
        entityId: problem.id,
        orgUnitId: problem.orgUnitId,
        data: {
          before: { status: problem.status },
          after: { status: updated.status, escalatedTo: escalatedTo?.id ?? undefined, confirmation: input.confirmation },
          note: input.note || undefined,
          resolution: input.resolution || undefined,
          viaDepartment,
        },
      });
      return { id: problem.id, version: updated.version, status: updated.status };
    }),
);

export const assignProblemAction = action(
  assignProblemContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const problem = await getProblemOrThrow(user, input.id, tx);
    const { updated, assignee } = await assignProblem(user, problem, input, tx);
    await audit({
      action: "problem.assign", entityType: "Problem", entityId: problem.id, orgUnitId: problem.orgUnitId,
      data: { before: { assigneeId: problem.assigneeId }, after: { assigneeId: assignee?.id ?? null } },
    });
    return { id: problem.id, version: updated.version };
  },
);
