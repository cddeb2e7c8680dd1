"use client";
// The admin's org subtree as an indented, collapsible tree. Each row has one "操作" button
// that opens an inline panel under it (works the same with a thumb or a keyboard) with the
// forms for that unit. One panel is open at a time.
import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { OrgUnitNode } from "@/lib/platform/org/queries";
import { setOrgUnitActiveAction } from "@/lib/platform/org/actions";
import { useLatestVersion } from "@/components/forms/use-version";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cn } from "@/components/ui/cn";
import { AddChildForm, MoveForm, RenameForm, type PanelUnit } from "./org-unit-forms";
import type { OrgOption } from "./org-options";

type Mode = "add" | "rename" | "move" | "active";

type TreeProps = {
  root: OrgUnitNode;
  /** Active units of the subtree, for the move picker. */
  options: OrgOption[];
  /** Path of every unit of the subtree (to keep a unit out of its own subtree when moving). */
  pathById: Record<string, string>;
};

type Ctx = TreeProps & {
  openId: string | null;
  setOpenId: (id: string | null) => void;
  /** Kept here, not in the panel: a moved unit's panel re-mounts at its new place. */
  mode: Mode | null;
  setMode: (mode: Mode) => void;
  isExpanded: (node: OrgUnitNode, level: number) => boolean;
  setExpanded: (id: string, value: boolean) => void;
  expandPath: (path: string) => void;
  notice: { id: string; text: string } | null;
  setNotice: (n: { id: string; text: string } | null) => void;
};

export function OrgUnitTree(props: TreeProps) {
  const [openId, setOpenId] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode | null>(null);
  const [expanded, setExpandedMap] = useState<Record<string, boolean>>({});
  const [notice, setNotice] = useState<{ id: string; text: string } | null>(null);
  const ctx: Ctx = {
    ...props,
    openId,
    setOpenId: (id) => {
      setOpenId(id);
      setMode(null);
      setNotice(null);
    },
    mode,
    setMode,
    // The top two levels start open; deeper branches (villages, grids) start closed.
    isExpanded: (node, level) => expanded[node.id] ?? level < 2,
    setExpanded: (id, value) => setExpandedMap((m) => ({ ...m, [id]: value })),
    expandPath: (path) =>
      setExpandedMap((m) => ({ ...m, ...Object.fromEntries(path.split("/").filter(Boolean).map((id) => [id, true])) })),
    notice,
    setNotice,
  };
  return (
    <ul className="divide-y divide-slate-100" aria-label={props.root.name}>
      <TreeNode node={props.root} level={0} parentName={null} ctx={ctx} />
    </ul>
  );
}

function TreeNode({ node, level, parentName, ctx }: { node: OrgUnitNode; level: number; parentName: string | null; ctx: Ctx }) {
  const t = useTranslations("orgUnits");
  const tKinds = useTranslations("orgKinds");
  const tCommon = useTranslations("common");
  const open = ctx.openId === node.id;
  const hasChildren = node.children.length > 0;
  const expanded = hasChildren && ctx.isExpanded(node, level);
  const panelId = `unit-panel-${node.id}`;
  const childrenId = `unit-children-${node.id}`;

  return (
    <li>
      <div className="flex items-center gap-1 py-1.5 sm:gap-2">
        {hasChildren ? (
          <button
            type="button"
            className="flex h-11 w-9 shrink-0 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100"
            aria-expanded={expanded}
            aria-controls={childrenId}
            aria-label={t(expanded ? "collapse" : "expand", { name: node.name })}
            onClick={() => ctx.setExpanded(node.id, !expanded)}
          >
            <span aria-hidden="true" className={cn("inline-block transition-transform", expanded && "rotate-90")}>▶</span>
          </button>
        ) : (
          <span className="w-9 shrink-0" aria-hidden="true" />
        )}
        <div className={cn("min-w-0 flex-1", !node.active && "opacity-70")}>
          <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
            <span className={cn("font-medium text-slate-900", level === 0 && "text-base sm:text-lg")}>{node.name}</span>
            <Badge tone="blue">{tKinds(node.kind)}</Badge>
            {!node.active ? <Badge tone="red">{t("inactiveTag")}</Badge> : null}
          </div>
          <p className="text-xs text-slate-500">
            {node.code ? <span className="mr-2 font-mono">{node.code}</span> : null}
            {t("users", { count: node.userCount })}
            {hasChildren ? <> · {t("childCount", { count: node.children.length })}</> : null}
          </p>
        </div>
        <Button
          variant={open ? "primary" : "secondary"}
          className="shrink-0 px-3 text-sm"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          aria-label={t("actionsFor", { name: node.name })}
          onClick={() => ctx.setOpenId(open ? null : node.id)}
        >
          {tCommon("actions")}
        </Button>
      </div>
      {open ? <UnitPanel id={panelId} node={node} parentName={parentName} isTop={level === 0} ctx={ctx} /> : null}
      {expanded ? (
        <ul id={childrenId} className="ml-4 divide-y divide-slate-100 border-l border-slate-200 pl-1 sm:ml-5 sm:pl-2">
          {node.children.map((child) => (
            <TreeNode key={child.id} node={child} level={level + 1} parentName={node.name} ctx={ctx} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function UnitPanel({ id, node, parentName, isTop, ctx }: { id: string; node: OrgUnitNode; parentName: string | null; isTop: boolean; ctx: Ctx }) {
  const t = useTranslations("orgUnits");
  const tCommon = useTranslations("common");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  // The top unit of the admin's scope can neither move (everything else is inside it) nor
  // be switched off by that admin; an inactive unit takes no new units below it.
  const canAdd = node.active;
  const canMove = !isTop && node.parentId !== null;
  const canToggle = !isTop;
  const modes: Mode[] = [...(canAdd ? (["add"] as const) : []), "rename", ...(canMove ? (["move"] as const) : []), ...(canToggle ? (["active"] as const) : [])];
  // After a change (e.g. deactivation) a mode may no longer apply.
  const mode = ctx.mode && modes.includes(ctx.mode) ? ctx.mode : modes[0]!;
  const setMode = ctx.setMode;
  const [confirming, setConfirming] = useState(false);
  const [toggleError, setToggleError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // A rename, move or (de)activation returns the unit's new version; the next one sends it.
  const [version, rememberVersion] = useLatestVersion(node.id, node.version);
  const notice = ctx.notice?.id === node.id ? ctx.notice.text : null;
  const ref = useRef<HTMLDivElement>(null);
  // A moved unit re-appears elsewhere in the tree: bring its panel (and notice) into view.
  useEffect(() => {
    if (notice) ref.current?.scrollIntoView({ block: "nearest" });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const unit: PanelUnit = { id: node.id, name: node.name, kind: node.kind, code: node.code, path: node.path, parentId: node.parentId, version, active: node.active };
  const done = (text: string) => {
    ctx.setNotice({ id: node.id, text });
    router.refresh();
  };
  const toggleActive = () =>
    startTransition(async () => {
      setToggleError(null);
      let result: Awaited<ReturnType<typeof setOrgUnitActiveAction>>;
      try {
        result = await setOrgUnitActiveAction({ id: node.id, active: !node.active, version });
      } catch {
        result = { ok: false, error: tErrors("network") };
      }
      setConfirming(false);
      if (!result.ok) {
        setToggleError(result.error);
        return;
      }
      rememberVersion(result.data);
      done(node.active ? t("deactivated") : t("activated"));
    });

  const label = (m: Mode) => (m === "add" ? t("addChild") : m === "rename" ? t("rename") : m === "move" ? t("move") : node.active ? t("deactivate") : t("activate"));

  return (
    <div ref={ref} id={id} role="region" aria-label={t("actionsFor", { name: node.name })} className="mb-2 ml-10 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <div role="group" aria-label={tCommon("actions")} className="flex flex-wrap gap-2">
        {modes.map((m) => (
          <Button
            key={m}
            variant={mode === m ? "primary" : "secondary"}
            className="px-3 text-sm"
            aria-pressed={mode === m}
            onClick={() => {
              setMode(m);
              setToggleError(null);
            }}
          >
            {label(m)}
          </Button>
        ))}
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {isTop ? <p className="text-xs text-slate-500">{t("topUnitNote")}</p> : null}
      {!canAdd ? <p className="text-xs text-slate-500">{t("addChildInactive")}</p> : null}

      {mode === "add" && canAdd ? (
        <AddChildForm
          parent={unit}
          onDone={(text) => {
            ctx.expandPath(node.path);
            done(text);
          }}
        />
      ) : null}
      {/* Keyed by version: after a save the refreshed unit gives the form its new version. */}
      {mode === "rename" ? <RenameForm key={node.version} unit={unit} onDone={done} /> : null}
      {mode === "move" && canMove ? (
        <MoveForm
          key={node.version}
          unit={unit}
          parentName={parentName}
          options={ctx.options}
          pathById={ctx.pathById}
          onDone={(text, newParentId) => {
            const parentPath = ctx.pathById[newParentId];
            if (parentPath) ctx.expandPath(parentPath);
            done(text);
          }}
        />
      ) : null}
      {mode === "active" && canToggle ? (
        <div className="space-y-3">
          {toggleError ? <Alert tone="error">{toggleError}</Alert> : null}
          <p className="text-sm text-slate-700">{node.active ? t("deactivateExplain") : t("activateExplain")}</p>
          <Button variant={node.active ? "danger" : "primary"} onClick={() => setConfirming(true)} disabled={pending}>
            {label("active")}
          </Button>
          <ConfirmDialog
            open={confirming}
            title={node.active ? t("deactivate") : t("activate")}
            message={node.active ? t("confirmDeactivate", { name: node.name }) : t("confirmActivate", { name: node.name })}
            confirmLabel={node.active ? t("deactivate") : t("activate")}
            tone={node.active ? "danger" : "primary"}
            pending={pending}
            onConfirm={toggleActive}
            onCancel={() => setConfirming(false)}
          />
        </div>
      ) : null}
    </div>
  );
}
