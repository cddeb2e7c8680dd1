// The lead pipeline (招商线索 → 洽谈 → 签约 → 落地, or 未落地/流失), as data:
//
//   LEAD ─→ NEGOTIATING ─→ SIGNED ─→ LANDED
//     │          │            │
//     └──────────┴────────────┴──→ LOST (reason required)
//
// A lead cannot skip negotiation, and LANDED / LOST are final.
import type { LeadStageValue } from "./schemas";

export const LEAD_TRANSITIONS: readonly { from: LeadStageValue; to: LeadStageValue }[] = [
  { from: "LEAD", to: "NEGOTIATING" },
  { from: "LEAD", to: "LOST" },
  { from: "NEGOTIATING", to: "SIGNED" },
  { from: "NEGOTIATING", to: "LOST" },
  { from: "SIGNED", to: "LANDED" },
  { from: "SIGNED", to: "LOST" },
];

export function leadTransitionAllowed(from: LeadStageValue, to: LeadStageValue): boolean {
  return LEAD_TRANSITIONS.some((t) => t.from === from && t.to === to);
}

export function leadStagesFrom(from: LeadStageValue): LeadStageValue[] {
  return LEAD_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}

/** Stages that count as a signed project (签约项目) in progress figures. */
export const SIGNED_STAGES: readonly LeadStageValue[] = ["SIGNED", "LANDED"];
