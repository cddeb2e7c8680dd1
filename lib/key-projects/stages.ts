// The key-project pipeline 谋划储备 → 开工建设 → 投产达效, as data: each step names the
// milestone whose actual date must be recorded first.
import type { KeyProjectStageValue, MilestoneKindValue } from "./schemas";

export const STAGE_STEPS: readonly { from: KeyProjectStageValue; to: KeyProjectStageValue; needs: MilestoneKindValue }[] = [
  { from: "PLANNED", to: "UNDER_CONSTRUCTION", needs: "START" },
  { from: "UNDER_CONSTRUCTION", to: "IN_PRODUCTION", needs: "PRODUCTION" },
];

export function stageStep(from: KeyProjectStageValue, to: KeyProjectStageValue) {
  return STAGE_STEPS.find((s) => s.from === from && s.to === to);
}

export function nextStage(from: KeyProjectStageValue) {
  return STAGE_STEPS.find((s) => s.from === from) ?? null;
}
