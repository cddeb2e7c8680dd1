"use server";
// Server actions of 三争一实 showcases: thin — scoped load, permission, mutation, audit.
import { action } from "@/lib/platform/action";
import { readAction } from "@/lib/platform/read";
import { assertCan, can } from "@/lib/platform/authz/can";
import { RuleViolation } from "@/lib/platform/errors";
import { storage } from "@/lib/platform/storage";
import { cleanFileName } from "@/lib/platform/storage/sniff";
import {
  addEntry,
  addJudge,
  addToTalentList,
  closeSession,
  createSession,
  declareConflict,
  removeJudge,
  saveCriteria,
  saveScoreSheet,
  updateNarrative,
} from "./mutations";
import { getShowcaseProgramme } from "./programme";
import { getEntryOrThrow, getSessionOrThrow, othersScores } from "./queries";
import {
  sessionIdSchema,
  createSessionContract,
  saveCriteriaContract,
  addEntryContract,
  updateNarrativeContract,
  addJudgeContract,
  removeJudgeContract,
  declareConflictContract,
  saveScoreSheetContract,
  closeSessionContract,
  addToTalentListContract,
  uploadNarrativeContract,
} from "./schemas";
import { MAX_NARRATIVE_BYTES, narrativeKey, sniffNarrative } from "./files";

const revalidate = ["/showcases"];

export const createSessionAction = action(
  createSessionContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const programme = await getShowcaseProgramme(user, input.programmeId, tx);
    assertCan(user, "showcase.manage", programme);
    const session = await createSession(programme, input, tx);
    await audit({ action: "showcase.session.create", entityType: "ShowcaseSession", entityId: session.id, orgUnitId: session.orgUnitId, data: { after: { ...input } } });
    return { id: session.id };
  },
);

export const saveCriteriaAction = action(
  saveCriteriaContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const session = await getSessionOrThrow(user, input.sessionId, tx);
    assertCan(user, "showcase.manage", session);
    await saveCriteria(session, input, tx);
    await audit({
      action: "showcase.criteria.save", entityType: "ShowcaseSession", entityId: session.id, orgUnitId: session.orgUnitId,
      data: { before: session.criteria.map((c) => ({ dimension: c.dimension, name: c.name, weight: String(c.weight), maxScore: c.maxScore })), after: input.criteria },
    });
    return { id: session.id };
  },
);

export const addEntryAction = action(
  addEntryContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const session = await getSessionOrThrow(user, input.sessionId, tx);
    assertCan(user, "showcase.manage", session);
    const entry = await addEntry(user, session, input, tx);
    await audit({ action: "showcase.entry.add", entityType: "ShowcaseEntry", entityId: entry.id, orgUnitId: entry.orgUnitId, data: { after: { sessionId: session.id, officerId: entry.officerId, topic: entry.topic } } });
    return { id: entry.id };
  },
);

/** The entrant (or a manager over the session) edits topic and typed narrative while the session is open. */
export const updateNarrativeAction = action(
  updateNarrativeContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const { session, entry } = await getEntryOrThrow(user, input.entryId, tx);
    if (entry.officerId !== user.id) assertCan(user, "showcase.manage", session);
    await updateNarrative(session, entry.id, { topic: input.topic, narrative: input.narrative }, tx);
    await audit({ action: "showcase.entry.update", entityType: "ShowcaseEntry", entityId: entry.id, orgUnitId: entry.orgUnitId, data: { before: { topic: entry.topic }, after: { topic: input.topic, narrativeLength: input.narrative.length } } });
    return { id: entry.id };
  },
);

/** The written narrative as a file (PDF, Word or plain text), as FormData { entryId, file }. */
export const uploadNarrativeAction = action(
  uploadNarrativeContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const { session, entry } = await getEntryOrThrow(user, input.entryId, tx);
    if (entry.officerId !== user.id) assertCan(user, "showcase.manage", session);
    if (input.file.size === 0) throw new RuleViolation("showcase.fileType", "file");
    if (input.file.size > MAX_NARRATIVE_BYTES) throw new RuleViolation("showcase.fileTooLarge", "file");
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    if (bytes.length > MAX_NARRATIVE_BYTES) throw new RuleViolation("showcase.fileTooLarge", "file");
    const kind = sniffNarrative(bytes);
    if (!kind) throw new RuleViolation("showcase.fileType", "file");
    const key = narrativeKey(entry.id);
    const fileName = cleanFileName(input.file.name, { fallback: `narrative.${kind}`, max: 120 });
    await updateNarrative(session, entry.id, { narrativeFileKey: key, narrativeFileName: fileName }, tx);
    await audit({ action: "showcase.entry.upload", entityType: "ShowcaseEntry", entityId: entry.id, orgUnitId: entry.orgUnitId, data: { fileName, sizeBytes: bytes.length, kind } });
    await storage().put(key, bytes);
    if (entry.narrativeFileKey && entry.narrativeFileKey !== key) await storage().delete(entry.narrativeFileKey).catch(() => {});
    return { id: entry.id };
  },
);

export const addJudgeAction = action(
  addJudgeContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const session = await getSessionOrThrow(user, input.sessionId, tx);
    assertCan(user, "showcase.manage", session);
    const judge = await addJudge(user, session, input.userId, tx);
    await audit({ action: "showcase.judge.add", entityType: "ShowcaseSession", entityId: session.id, orgUnitId: session.orgUnitId, data: { judgeId: judge.id, judgeName: judge.name } });
    return { id: session.id };
  },
);

export const removeJudgeAction = action(
  removeJudgeContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const session = await getSessionOrThrow(user, input.sessionId, tx);
    assertCan(user, "showcase.manage", session);
    await removeJudge(session, input.userId, tx);
    await audit({ action: "showcase.judge.remove", entityType: "ShowcaseSession", entityId: session.id, orgUnitId: session.orgUnitId, data: { judgeId: input.userId } });
    return { id: session.id };
  },
);

export const declareConflictAction = action(
  declareConflictContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const { session, entry } = await getEntryOrThrow(user, input.entryId, tx);
    assertCan(user, "showcase.score");
    const asManager = can(user, "showcase.manage", session);
    const { judgeId, removedScores } = await declareConflict(user, session, input, asManager, tx);
    await audit({ action: "showcase.conflict.declare", entityType: "ShowcaseEntry", entityId: entry.id, orgUnitId: entry.orgUnitId, data: { judgeId, reason: input.reason, removedScores } });
    return { id: entry.id };
  },
);

export const saveScoreSheetAction = action(
  saveScoreSheetContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const { session, entry } = await getEntryOrThrow(user, input.entryId, tx);
    assertCan(user, "showcase.score");
    const saved = await saveScoreSheet(user, session, input, tx);
    await audit({ action: "showcase.score.save", entityType: "ShowcaseEntry", entityId: entry.id, orgUnitId: entry.orgUnitId, data: { sessionId: session.id, scores: saved.scores } });
    return { id: entry.id };
  },
);

export const closeSessionAction = action(
  closeSessionContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const session = await getSessionOrThrow(user, input.sessionId, tx);
    assertCan(user, "showcase.manage", session);
    const results = await closeSession(session, input.version, tx);
    await audit({
      action: "showcase.session.close", entityType: "ShowcaseSession", entityId: session.id, orgUnitId: session.orgUnitId,
      data: { results: results.map((r) => ({ entryId: r.entryId, judges: r.judges, finalScore: r.finalScore, rank: r.rank })) },
    });
    return { id: session.id };
  },
);

export const addToTalentListAction = action(
  addToTalentListContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const { session, entry } = await getEntryOrThrow(user, input.entryId, tx);
    assertCan(user, "talentList.manage", session);
    if (session.status !== "CLOSED") throw new RuleViolation("showcase.sessionNotClosed");
    const row = await addToTalentList(user, entry, input, tx);
    await audit({ action: "talentList.add", entityType: "TalentListEntry", entityId: row.id, orgUnitId: entry.orgUnitId, data: { list: input.list, userId: entry.officerId, sourceEntryId: entry.id, note: input.note } });
    return { id: row.id };
  },
);

/**
 * Every judge's scores of a session. Before the session closes this returns nothing — to
 * judges, managers and everyone else alike; a judge's own sheets come with the scoring page.
 */
export const readSessionScoresAction = readAction(
  { name: "showcase.readScores", schema: sessionIdSchema, permission: "showcase.view" },
  async (input, { user }) => {
    // A session outside the user's area is "not found" (and audited), not an empty list.
    await getSessionOrThrow(user, input.sessionId);
    return othersScores(user, input.sessionId);
  },
);
