"use client";
// Admin configuration of a mentorship programme: activity expectations ("one guided visit
// a week") and one-person-one-plan templates. A template is written as an outline, one line
// each — "# area", "## goal", "- milestone | days after the pairing starts" — which reads
// well on a phone and turns into the template's areas → goals → milestones.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { saveSettingsAction, saveTemplateAction } from "@/lib/mentorship/actions";
import { useLatestVersion } from "@/components/forms/use-version";
import { ACTIVITY_KINDS, type TemplateContent } from "@/lib/mentorship/schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";

type Expectation = { kind: string; period: string; min: number | string };

export function ExpectationsForm({ programmeId, version: renderedVersion, expectations, dueSoonDays, defaultCapacity }: { programmeId: string; version: number; expectations: Expectation[]; dueSoonDays: number; defaultCapacity: number }) {
  const t = useTranslations("mentorship");
  const router = useRouter();
  // A second save right after the first sends the version the first returned.
  const [version, rememberVersion] = useLatestVersion(programmeId, renderedVersion);
  const [rows, setRows] = useState<Expectation[]>(expectations);
  const [dueSoon, setDueSoon] = useState(String(dueSoonDays));
  const [capacity, setCapacity] = useState(String(defaultCapacity));
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setPending(true);
    const r = await saveSettingsAction({ programmeId, version, expectations: rows, dueSoonDays: dueSoon, defaultCapacity: capacity });
    setPending(false);
    if (!r.ok) {
      const detail = Object.values(r.fieldErrors ?? {}).flat()[0];
      setMessage({ tone: "error", text: detail ? `${r.error}（${detail}）` : r.error });
      return;
    }
    rememberVersion(r.data);
    setMessage({ tone: "success", text: t("settingsSaved") });
    router.refresh();
  };
  return (
    <form method="post" onSubmit={save} className="space-y-3" aria-label={t("expectationsTitle")}>
      {rows.map((row, i) => (
        <div key={i} className="grid grid-cols-[1fr_1fr_5rem_auto] items-end gap-2">
          <Field id={`exp-kind-${i}`} label={t("activityKind")}>
            {(p) => (
              <Select {...p} value={row.kind} onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, kind: e.target.value } : r)))}>
                {[...ACTIVITY_KINDS, "ANY"].map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
              </Select>
            )}
          </Field>
          <Field id={`exp-period-${i}`} label={t("period")}>
            {(p) => (
              <Select {...p} value={row.period} onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, period: e.target.value } : r)))}>
                {["WEEK", "MONTH"].map((k) => <option key={k} value={k}>{t(`periods.${k}`)}</option>)}
              </Select>
            )}
          </Field>
          <Field id={`exp-min-${i}`} label={t("atLeast")}>
            {(p) => <Input {...p} type="number" min={1} max={50} value={String(row.min)} onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, min: e.target.value } : r)))} />}
          </Field>
          <Button variant="ghost" size="sm" className="mb-1" onClick={() => setRows(rows.filter((_, j) => j !== i))}>{t("remove")}</Button>
        </div>
      ))}
      <Button variant="secondary" size="sm" onClick={() => setRows([...rows, { kind: "GUIDED_VISIT", period: "WEEK", min: 1 }])}>{t("addExpectation")}</Button>
      <div className="grid grid-cols-2 gap-3">
        <Field id="exp-due-soon" label={t("dueSoonDays")}>{(p) => <Input {...p} type="number" min={0} max={6} value={dueSoon} onChange={(e) => setDueSoon(e.target.value)} />}</Field>
        <Field id="exp-capacity" label={t("defaultCapacity")}>{(p) => <Input {...p} type="number" min={1} max={20} value={capacity} onChange={(e) => setCapacity(e.target.value)} />}</Field>
      </div>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Button type="submit" disabled={pending}>{t("save")}</Button>
    </form>
  );
}

export function toOutline(content: TemplateContent): string {
  return content.areas
    .map((a) => [`# ${a.name}`, ...a.goals.flatMap((g) => [`## ${g.title}`, ...g.milestones.map((m) => `- ${m.title} | ${m.dueOffsetDays}`)])].join("\n"))
    .join("\n");
}

export function fromOutline(text: string): TemplateContent {
  const areas: TemplateContent["areas"] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith("## ")) {
      areas.at(-1)?.goals.push({ title: line.slice(3).trim(), milestones: [] });
    } else if (line.startsWith("# ")) {
      areas.push({ name: line.slice(2).trim(), goals: [] });
    } else if (line.startsWith("- ")) {
      const [title, days] = line.slice(2).split("|");
      areas.at(-1)?.goals.at(-1)?.milestones.push({ title: (title ?? "").trim(), dueOffsetDays: Number((days ?? "").trim() || 30) });
    }
  }
  return { areas };
}

export function TemplateForm({ programmeId, template }: { programmeId: string; template: { id: string; name: string; active: boolean; content: TemplateContent } | null }) {
  const t = useTranslations("mentorship");
  const router = useRouter();
  const [name, setName] = useState(template?.name ?? "");
  const [active, setActive] = useState(template?.active ?? true);
  const [outline, setOutline] = useState(template ? toOutline(template.content) : "# 政治素养\n## 理论学习\n- 完成专题学习 | 30");
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setPending(true);
    const r = await saveTemplateAction({ programmeId, templateId: template?.id ?? "", name, active, content: fromOutline(outline) });
    setPending(false);
    if (!r.ok) {
      setMessage({ tone: "error", text: r.fieldErrors && Object.keys(r.fieldErrors).some((k) => k.startsWith("content")) ? t("outlineInvalid") : r.error });
      return;
    }
    setMessage({ tone: "success", text: t("templateSaved") });
    router.refresh();
  };
  const fid = template?.id ?? "new";
  return (
    <form method="post" onSubmit={save} className="space-y-3" aria-label={template ? template.name : t("newTemplate")}>
      <Field id={`tpl-name-${fid}`} label={t("templateName")} required>{(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
      <Field id={`tpl-outline-${fid}`} label={t("outline")} hint={t("outlineHint")} required>
        {(p) => <Textarea {...p} className="min-h-48 font-mono text-sm" value={outline} onChange={(e) => setOutline(e.target.value)} />}
      </Field>
      <label className="flex min-h-11 items-center gap-2 text-sm"><input type="checkbox" className="size-5" checked={active} onChange={(e) => setActive(e.target.checked)} />{t("templateActive")}</label>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Button type="submit" disabled={pending}>{t("saveTemplate")}</Button>
    </form>
  );
}
