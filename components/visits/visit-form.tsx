"use client";
// The visit form (记录走访), phone first: campaign, who, when, kind, where (quick search),
// the campaign's checklist, problems raised, services delivered, notes and location. The
// same component edits a saved visit (campaign, place and kind are then fixed). Nothing
// typed is lost: a draft is kept until the visit is saved. Without signal (issue 16) the
// visit goes into the device's outbox with its photos, and the form is ready for the next one;
// a visit the server refused later is fixed here (?outbox=<id>). Photos of a new visit are
// shrunk on the phone and each sent as its own retried upload after the visit row, online too:
// one failed photo never loses the visit.
import { useEffect, useMemo, useState, type ComponentProps } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFieldArray, useWatch } from "react-hook-form";
import { createVisitAction, updateVisitAction, uploadVisitPhotoAction } from "@/lib/visits/actions";
import { newIdempotencyKey } from "@/components/forms/idempotency";
import { VISIT_KINDS, MAX_PROBLEMS_PER_VISIT, MAX_SERVICES_PER_VISIT } from "@/lib/visits/constants";
import { createVisitForm, updateVisitForm } from "@/lib/visits/form-contracts";
import type { PlaceMatch } from "@/lib/visits/queries";
import { bindAction } from "@/lib/platform/contract";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { Field, Input, Select, Textarea, controlClass } from "@/components/ui/field";
import { Button, LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PlaceSearch } from "./place-search";
import { PROBLEM_DUE_DAYS_DEFAULT, problemDueRange } from "@/lib/visits/campaigns/due-range";
import { localRef } from "@/lib/field/constants";
import { toShanghaiLocal } from "@/lib/platform/shanghai";
import { now } from "@/lib/platform/clock";
import { Alert } from "@/components/ui/alert";

export type CampaignOption = {
  id: string;
  name: string;
  checkItems: { id: string; label: string }[];
  mentors: { id: string; name: string }[];
  /** officerId → their mentor in this campaign. */
  mentorOf: Record<string, string>;
  /** How many days after the visit a problem may be due (the campaign's setting). */
  problemDueDays: number;
};

type ChecklistValue = { itemId: string; checked: boolean; note: string };
export type VisitFormValues = {
  id?: string;
  version?: number;
  programmeId?: string;
  officerId?: string;
  kind?: string;
  placeType?: "HOUSEHOLD" | "ENTERPRISE";
  placeId?: string;
  mentorId: string;
  visitedAt: string;
  checklist: ChecklistValue[];
  problems?: { title: string; description: string; category: string; dueDate: string }[];
  services: { description: string }[];
  notes: string;
  latitude: string;
  longitude: string;
};

export const NEW_VISIT_DRAFT_KEY = "draft:visit:new";
const PLACE_DRAFT_KEY = `${NEW_VISIT_DRAFT_KEY}:place`;

function IndexedField({ ariaName, children, ...rest }: ComponentProps<typeof Field> & { ariaName: string }) {
  return <Field {...rest}>{(p) => children({ ...p, "aria-label": ariaName } as typeof p)}</Field>;
}

const checklistFor = (campaign: CampaignOption | undefined): ChecklistValue[] =>
  (campaign?.checkItems ?? []).map((i) => ({ itemId: i.id, checked: false, note: "" }));

type CreateProps = {
  mode: "create";
  campaigns: CampaignOption[];
  officers: { id: string; name: string; orgName: string }[];
  self: { id: string; name: string };
  defaultValues: VisitFormValues;
  /** Photos a new visit may carry (the server's MAX_PHOTOS_PER_VISIT). */
  maxPhotos: number;
  /** An outbox item the server refused, opened to fix (/visits/new?outbox=<id>). */
  outboxItemId?: string | null;
};
type EditProps = {
  mode: "edit";
  /** The campaign's mentors (or just the visit's current mentor). */
  mentors: { id: string; name: string }[];
  /** Labels of the visit's checklist lines, by item id (as saved with the visit). */
  checklistLabels: Record<string, string>;
  fixed: { campaign: string; kind: string; place: string };
  defaultValues: VisitFormValues;
};

/** "12-03 10:20" from "2026-12-03T10:20": short enough for the outbox's one line. */
const shortTime = (local: string) => (/^\d{4}-(\d{2}-\d{2})T(\d{2}:\d{2})/.exec(local) ?? []).slice(1).join(" ");

/** One photo straight to the server (the visit exists): the path when the device will not keep it. */
async function uploadNow(visitId: string, photo: File): Promise<boolean> {
  const form = new FormData();
  form.set("visitId", visitId);
  form.set("photo", photo);
  form.set("idempotencyKey", newIdempotencyKey());
  try {
    return (await uploadVisitPhotoAction(form)).ok;
  } catch {
    return false;
  }
}

/**
 * Photos of a new visit: each an outbox item, sent after the visit (its id through "local:<visit
 * item>" when the visit is queued too). A photo the device will not keep (IndexedDB refused it:
 * storage full, private mode; or the outbox code did not load) goes straight up when the visit is
 * already on the server. Returns how many are neither kept nor sent: the officer is told, never
 * left believing they are on the way.
 */
async function queuePhotos(userId: string, visit: { serverId?: string; outboxId?: string }, photos: File[], label: (n: number) => string): Promise<number> {
  if (photos.length === 0) return 0;
  const modules = await Promise.all([import("@/lib/field/local/outbox"), import("@/lib/field/local/sync-runner")]).catch(() => null);
  let notKept = 0;
  for (const [i, photo] of photos.entries()) {
    try {
      if (!modules) throw new Error("outbox not loaded");
      await modules[0].enqueue({
        userId,
        kind: "visit.photo.add",
        input: { visitId: visit.serverId ?? localRef(visit.outboxId!) },
        dependsOn: visit.outboxId ? [visit.outboxId] : [],
        label: label(i + 1),
        blobs: [{ blob: photo, name: photo.name, type: photo.type }],
      });
    } catch {
      if (!(visit.serverId && (await uploadNow(visit.serverId, photo)))) notKept += 1;
    }
  }
  if (modules) void modules[1].kickOutbox(userId).catch(() => {});
  return notKept;
}

export function VisitForm(props: CreateProps | EditProps) {
  const t = useTranslations("visits");
  const tOutbox = useTranslations("field.outbox");
  const tc = useTranslations("common");
  const router = useRouter();
  const editing = props.mode === "edit";
  const { defaultValues } = props;

  const userId = props.mode === "create" ? props.self.id : "";
  const fixing = props.mode === "create" && !!props.outboxItemId;
  // Photos picked for a new visit, already compressed; they go with the visit into the outbox.
  const [photos, setPhotos] = useState<File[]>([]);
  const [savedOffline, setSavedOffline] = useState(false);
  // Photos of the visit just queued that the device would not keep (see queuePhotos).
  const [photosNotKept, setPhotosNotKept] = useState(0);
  // Where: the picked record (its label is kept beside the draft so a reload shows it).
  const [place, setPlace] = useState<PlaceMatch | null>(null);
  const photoLabel = (n: number) => tOutbox("photoLabel", { place: place?.label ?? "", n });

  const { form, onSubmit, rootError, errorOf, pending, draftRestored, discardDraft, outboxItem } = useActionForm<VisitFormValues, { id?: string }, "visit.create" | "visit.update">(
    editing ? bindAction(updateVisitForm, updateVisitAction) : bindAction(createVisitForm, createVisitAction), {
    defaultValues,
    // A fix edits the outbox item, not the new-visit draft.
    draftKey: editing || fixing ? undefined : NEW_VISIT_DRAFT_KEY,
    onSuccess: async (data) => {
      if (!editing && !fixing) localStorage.removeItem(PLACE_DRAFT_KEY);
      const id = data?.id ?? defaultValues.id;
      // The visit row exists: each photo is now its own retried upload (a weak link may drop one).
      const notKept = !editing && id ? await queuePhotos(userId, { serverId: id }, photos, photoLabel) : 0;
      // The visit page has the photo uploader: it says how many to add again there.
      router.push(`/visits/${id}?notice=${editing ? "updated" : notKept ? `photosNotKept-${notKept}` : "created"}`);
    },
    outboxItemId: props.mode === "create" ? props.outboxItemId : undefined,
    offline: editing
      ? undefined
      : {
          userId,
          label: (v) => tOutbox("visitLabel", { place: place?.label ?? "", time: shortTime(v.visitedAt) }),
          fixHref: "/visits/new?outbox=<id>",
          context: () => ({ place }),
          onQueued: async (id) => {
            if (fixing) {
              router.push("/field");
              return;
            }
            setPhotosNotKept(await queuePhotos(userId, { outboxId: id }, photos, photoLabel));
            // Ready for the next household: a fresh time, no place, no photos.
            setPhotos([]);
            localStorage.removeItem(PLACE_DRAFT_KEY);
            setPlace(null);
            form.setValue("visitedAt", toShanghaiLocal(now()));
            setSavedOffline(true);
            window.scrollTo({ top: 0 });
          },
        },
  });
  const { register, control, setValue } = form;
  const nestedError = (path: string) => {
    const { isTouched } = form.getFieldState(path as never, form.formState);
    return isTouched || form.formState.isSubmitted ? errorOf(path) : undefined;
  };

  const checklist = useFieldArray({ control, name: "checklist" });
  const services = useFieldArray({ control, name: "services" });
  const problems = useFieldArray({ control, name: "problems" as "services" }) as unknown as ReturnType<typeof useFieldArray<VisitFormValues, "problems">>;

  const programmeId = useWatch({ control, name: "programmeId" });
  const officerId = useWatch({ control, name: "officerId" });
  const kind = useWatch({ control, name: "kind" });
  const placeType = useWatch({ control, name: "placeType" });
  const latitude = useWatch({ control, name: "latitude" });
  const visitedAt = useWatch({ control, name: "visitedAt" });
  const longitude = useWatch({ control, name: "longitude" });

  const campaigns = props.mode === "create" ? props.campaigns : [];
  const campaign = campaigns.find((c) => c.id === programmeId);
  const mentors = props.mode === "create" ? (campaign?.mentors ?? []) : props.mentors;
  const labelOf = (itemId: string) =>
    props.mode === "create" ? (campaign?.checkItems.find((c) => c.id === itemId)?.label ?? "") : (props.checklistLabels[itemId] ?? "");

  // A new campaign brings its own checklist, and the officer's mentor in it.
  useEffect(() => {
    if (editing) return;
    const current = form.getValues("checklist");
    const wanted = checklistFor(campaign);
    const same = current.length === wanted.length && current.every((c, i) => c.itemId === wanted[i]!.itemId);
    // A restored draft for the same campaign keeps its answers.
    if (!same) checklist.replace(wanted);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [programmeId]);

  // The mentor is never preset: a visit made alone would count as a guided visit (帮带走访)
  // unless the officer noticed. The officer's own mentor is one tap away instead.
  const mentorId = useWatch({ control, name: "mentorId" });
  const who = officerId || (props.mode === "create" ? props.self.id : "");
  const ownMentorId = campaign?.mentorOf[who];
  const ownMentor = ownMentorId ? mentors.find((m) => m.id === ownMentorId) : undefined;
  useEffect(() => {
    // Another campaign or officer: a mentor chosen for the previous one may not belong here.
    if (editing || !form.getValues("mentorId")) return;
    if (!mentors.some((m) => m.id === form.getValues("mentorId"))) setValue("mentorId", "");
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [programmeId, officerId]);

  // The item being fixed brings the place it was recorded for.
  useEffect(() => {
    const saved = outboxItem?.context?.place as PlaceMatch | null | undefined;
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (saved) setPlace(saved);
  }, [outboxItem]);
  useEffect(() => {
    if (editing || fixing) return;
    try {
      const saved = localStorage.getItem(PLACE_DRAFT_KEY);
      const parsed = saved ? (JSON.parse(saved) as PlaceMatch) : null;
      // eslint-disable-next-line react-hooks/set-state-in-effect
      if (parsed && parsed.id === form.getValues("placeId")) setPlace(parsed);
    } catch {
      /* ignore */
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftRestored]);
  const pickPlace = (p: PlaceMatch | null) => {
    setPlace(p);
    setSavedOffline(false);
    setValue("placeId", p?.id ?? "", { shouldValidate: form.formState.isSubmitted });
    try {
      if (p) localStorage.setItem(PLACE_DRAFT_KEY, JSON.stringify(p));
      else localStorage.removeItem(PLACE_DRAFT_KEY);
    } catch {
      /* ignore */
    }
  };
  const onKindChange = (next: string) => {
    const wanted = next === "ENTERPRISE" ? "ENTERPRISE" : next === "HOUSEHOLD" ? "HOUSEHOLD" : placeType;
    if (wanted && wanted !== placeType) {
      setValue("placeType", wanted);
      pickPlace(null);
    }
  };

  // Location from the browser, on request only.
  const [locating, setLocating] = useState(false);
  const [locationError, setLocationError] = useState<string | null>(null);
  const locate = () => {
    setLocationError(null);
    if (!("geolocation" in navigator)) {
      setLocationError(t("locationUnsupported"));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setValue("latitude", pos.coords.latitude.toFixed(6), { shouldDirty: true });
        setValue("longitude", pos.coords.longitude.toFixed(6), { shouldDirty: true });
        setLocating(false);
      },
      () => {
        setLocationError(t("locationFailed"));
        setLocating(false);
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const nowLocal = useMemo(() => defaultValues.visitedAt, [defaultValues.visitedAt]);
  // The date picker offers only due dates the server accepts (from the visit's day to the
  // campaign's horizon); the schema and the action check the same range.
  const dueRange = /^\d{4}-\d{2}-\d{2}/.test(visitedAt ?? "") ? problemDueRange(visitedAt.slice(0, 10), campaign?.problemDueDays ?? PROBLEM_DUE_DAYS_DEFAULT) : undefined;
  const placeError = errorOf("placeId") && !form.getValues("placeId") ? t("choosePlace") : errorOf("placeId");

  return (
    <>
    {savedOffline ? <Alert tone="success">{tOutbox("savedOffline")}</Alert> : null}
    {savedOffline && photosNotKept > 0 ? <Alert tone="error">{tOutbox("photosNotKept", { count: photosNotKept })}</Alert> : null}
    <FormShell
      onSubmit={onSubmit}
      rootError={rootError}
      pending={pending}
      submitLabel={t("submit")}
      label={editing ? t("editTitle") : t("recordTitle")}
      draftRestored={draftRestored}
      onDiscardDraft={() => {
        discardDraft();
        pickPlace(null);
      }}
      secondary={<LinkButton href={editing ? `/visits/${defaultValues.id}` : "/visits"} variant="secondary">{tc("cancel")}</LinkButton>}
    >
      <Card title={t("basics")}>
        <div className="grid gap-4 sm:grid-cols-2">
          {props.mode === "create" ? (
            <>
              <Field id="visit-campaign" label={t("campaign")} error={errorOf("programmeId") && !programmeId ? t("chooseCampaign") : errorOf("programmeId")} required className="sm:col-span-2">
                {(p) => (
                  <Select {...p} {...register("programmeId")}>
                    <option value="" disabled>{t("chooseCampaign")}</option>
                    {props.campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                  </Select>
                )}
              </Field>
              {props.officers.length > 0 ? (
                <Field id="visit-officer" label={t("officer")} error={errorOf("officerId")} hint={t("onBehalfHint")}>
                  {(p) => (
                    <Select {...p} {...register("officerId")}>
                      <option value="">{t("officerSelf", { name: props.self.name })}</option>
                      {props.officers.map((o) => <option key={o.id} value={o.id}>{`${o.name}（${o.orgName}）`}</option>)}
                    </Select>
                  )}
                </Field>
              ) : (
                <div className="space-y-1">
                  <p className="text-sm font-medium text-slate-700">{t("officer")}</p>
                  <p className="flex h-11 items-center text-slate-900">{props.self.name}</p>
                </div>
              )}
            </>
          ) : (
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:col-span-2 sm:grid-cols-[max-content_1fr]">
              <dt className="text-slate-500">{t("campaign")}</dt>
              <dd className="text-slate-900">{props.fixed.campaign}</dd>
              <dt className="text-slate-500">{t("kind")}</dt>
              <dd className="text-slate-900">{props.fixed.kind}</dd>
              <dt className="text-slate-500">{t("place")}</dt>
              <dd className="text-slate-900">{props.fixed.place}</dd>
            </dl>
          )}
          <div className="space-y-2">
            <Field id="visit-mentor" label={t("mentor")} error={errorOf("mentorId")} hint={editing ? undefined : t("mentorHint")}>
              {(p) => (
                <Select {...p} {...register("mentorId")}>
                  <option value="">{t("noMentor")}</option>
                  {mentors.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
                </Select>
              )}
            </Field>
            {!editing && ownMentor ? (
              mentorId === ownMentor.id ? (
                <Button variant="ghost" size="sm" className="h-11" aria-pressed onClick={() => setValue("mentorId", "", { shouldDirty: true })}>
                  {t("goWithMentorClear", { name: ownMentor.name })}
                </Button>
              ) : (
                <Button variant="secondary" size="sm" className="h-11" aria-pressed={false} onClick={() => setValue("mentorId", ownMentor.id, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })}>
                  {t("goWithMentor", { name: ownMentor.name })}
                </Button>
              )
            ) : null}
          </div>
          <Field id="visit-when" label={t("visitedAt")} error={errorOf("visitedAt")} required>
            {(p) => <Input {...p} type="datetime-local" max={editing ? undefined : nowLocal} {...register("visitedAt")} />}
          </Field>
        </div>
      </Card>

      {props.mode === "create" ? (
        <Card title={t("where")}>
          <div className="space-y-4">
            <fieldset>
              <legend className="mb-1 block text-sm font-medium text-slate-700">{t("kind")}<span aria-hidden="true" className="ml-0.5 text-red-600">*</span></legend>
              <div className="grid grid-cols-3 gap-2">
                {VISIT_KINDS.map((k) => (
                  <label key={k} className={cn("flex min-h-11 cursor-pointer items-center justify-center rounded-md border px-2 text-center text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:checked]:font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600", "border-slate-300")}>
                    <input type="radio" value={k} className="sr-only" {...register("kind", { onChange: (e) => onKindChange(e.target.value) })} />
                    {t(`kinds.${k}`)}
                  </label>
                ))}
              </div>
              {errorOf("kind") ? <p className="mt-1 text-sm text-red-700">{t("chooseKind")}</p> : null}
            </fieldset>
            {kind === "FOLLOW_UP" ? (
              <fieldset>
                <legend className="mb-1 block text-sm font-medium text-slate-700">{t("placeType")}</legend>
                <div className="grid grid-cols-2 gap-2">
                  {(["HOUSEHOLD", "ENTERPRISE"] as const).map((pt) => (
                    <label key={pt} className="flex min-h-11 cursor-pointer items-center justify-center rounded-md border border-slate-300 px-2 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:checked]:font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600">
                      <input type="radio" value={pt} className="sr-only" {...register("placeType", { onChange: () => pickPlace(null) })} />
                      {t(`placeTypes.${pt}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
            ) : null}
            <div className="space-y-1">
              <label htmlFor="visit-place" className="block text-sm font-medium text-slate-700">
                {placeType === "ENTERPRISE" ? t("placeTypes.ENTERPRISE") : t("placeTypes.HOUSEHOLD")}
                <span aria-hidden="true" className="ml-0.5 text-red-600">*</span>
              </label>
              <PlaceSearch inputId="visit-place" placeType={placeType === "ENTERPRISE" ? "ENTERPRISE" : "HOUSEHOLD"} selected={place} onSelect={pickPlace} error={placeError} />
            </div>
          </div>
        </Card>
      ) : null}

      <Card title={t("checklist")}>
        {checklist.fields.length === 0 ? (
          <p className="text-sm text-slate-500">{programmeId || editing ? t("checklistEmpty") : t("checklistChooseCampaign")}</p>
        ) : (
          <ul className="space-y-3">
            {checklist.fields.map((item, i) => (
              <li key={item.id} className="rounded-md border border-slate-200 p-3">
                <label className="flex min-h-11 cursor-pointer items-center gap-3">
                  <input type="checkbox" className="size-5 shrink-0 accent-brand-700" {...register(`checklist.${i}.checked`)} />
                  <span className="text-slate-900">{labelOf(item.itemId)}</span>
                </label>
                <input
                  type="text"
                  aria-label={t("checklistNoteFor", { item: labelOf(item.itemId) })}
                  placeholder={t("checklistNote")}
                 
                  className={cn(controlClass, "mt-2 h-11")}
                  {...register(`checklist.${i}.note`)}
                />
              </li>
            ))}
          </ul>
        )}
      </Card>

      {!editing ? (
        <Card title={t("problems")}>
          <p className="mb-3 text-sm text-slate-600">{t("problemsHint")}</p>
          <ol className="space-y-4">
            {problems.fields.map((p, i) => {
              const n = String(i + 1);
              return (
                <li key={p.id} className="rounded-md border border-slate-200 p-3">
                  <div className="mb-2 flex items-center justify-between">
                    <h3 className="font-medium text-slate-800">{t("problemN", { n })}</h3>
                    <Button variant="ghost" size="sm" className="h-11" onClick={() => problems.remove(i)} aria-label={t("removeProblemN", { n })}>{tc("remove")}</Button>
                  </div>
                  <div className="grid gap-3 sm:grid-cols-2">
                    <IndexedField id={`problem-${i}-title`} ariaName={`${t("problemTitle")} ${n}`} label={t("problemTitle")} error={nestedError(`problems.${i}.title`)} required className="sm:col-span-2">
                      {(f) => <Input {...f} {...register(`problems.${i}.title`)} />}
                    </IndexedField>
                    <IndexedField id={`problem-${i}-description`} ariaName={`${t("problemDescription")} ${n}`} label={t("problemDescription")} error={nestedError(`problems.${i}.description`)} className="sm:col-span-2">
                      {(f) => <Textarea {...f} rows={2} limit={2000} {...register(`problems.${i}.description`)} />}
                    </IndexedField>
                    <IndexedField id={`problem-${i}-category`} ariaName={`${t("problemCategory")} ${n}`} label={t("problemCategory")} error={nestedError(`problems.${i}.category`)}>
                      {(f) => <Input {...f} list="problem-categories" {...register(`problems.${i}.category`)} />}
                    </IndexedField>
                    <IndexedField id={`problem-${i}-due`} ariaName={`${t("problemDue")} ${n}`} label={t("problemDue")} error={nestedError(`problems.${i}.dueDate`)}>
                      {(f) => <Input {...f} type="date" min={dueRange?.from} max={dueRange?.to} {...register(`problems.${i}.dueDate`)} />}
                    </IndexedField>
                  </div>
                </li>
              );
            })}
          </ol>
          <datalist id="problem-categories">
            {["教育", "医疗", "就业", "基础设施", "环境卫生", "社会保障", "安全", "企业经营"].map((c) => <option key={c} value={c} />)}
          </datalist>
          {problems.fields.length < MAX_PROBLEMS_PER_VISIT ? (
            <Button variant="secondary" className="mt-3 w-full sm:w-auto" onClick={() => problems.append({ title: "", description: "", category: "", dueDate: "" }, { shouldFocus: true })}>
              {t("addProblem")}
            </Button>
          ) : null}
        </Card>
      ) : null}

      <Card title={t("services")}>
        <ol className="space-y-3">
          {services.fields.map((s, i) => {
            const n = String(i + 1);
            return (
              <li key={s.id} className="flex items-start gap-2">
                <IndexedField id={`service-${i}`} ariaName={`${t("serviceDescription")} ${n}`} label={t("serviceN", { n })} error={nestedError(`services.${i}.description`)} className="flex-1">
                  {(f) => <Input {...f} limit={500} placeholder={t("servicePlaceholder")} {...register(`services.${i}.description`)} />}
                </IndexedField>
                <Button variant="ghost" size="sm" className="mt-6 h-11" onClick={() => services.remove(i)} aria-label={t("removeServiceN", { n })}>{tc("remove")}</Button>
              </li>
            );
          })}
        </ol>
        {services.fields.length < MAX_SERVICES_PER_VISIT ? (
          <Button variant="secondary" className="mt-3 w-full sm:w-auto" onClick={() => services.append({ description: "" }, { shouldFocus: true })}>
            {t("addService")}
          </Button>
        ) : null}
      </Card>

      <Card title={t("notesAndLocation")}>
        <div className="space-y-4">
          <Field id="visit-notes" label={t("notes")} error={errorOf("notes")}>
            {(p) => <Textarea {...p} rows={3} limit={2000} {...register("notes")} />}
          </Field>
          <div className="space-y-2">
            <p className="text-sm font-medium text-slate-700">{t("location")}</p>
            {latitude && longitude ? (
              <p className="text-sm tabular-nums text-slate-900" role="status">{t("locationRecorded", { lat: latitude, lng: longitude })}</p>
            ) : (
              <p className="text-sm text-slate-500">{t("noLocation")}</p>
            )}
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={locate} disabled={locating} aria-busy={locating}>{locating ? t("locating") : t("recordLocation")}</Button>
              {latitude || longitude ? (
                <Button variant="ghost" onClick={() => { setValue("latitude", ""); setValue("longitude", ""); }}>{t("clearLocation")}</Button>
              ) : null}
            </div>
            {locationError ? <p className="text-sm text-red-700" role="alert">{locationError}</p> : null}
            {errorOf("latitude") || errorOf("longitude") ? <p className="text-sm text-red-700">{errorOf("latitude") ?? errorOf("longitude")}</p> : null}
          </div>
        </div>
      </Card>
      {props.mode === "create" && !fixing ? (
        <Card title={t("newPhotos")}>
          <NewVisitPhotos photos={photos} onChange={setPhotos} max={props.maxPhotos} />
        </Card>
      ) : null}
      {rootError ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{rootError}</p> : null}
    </FormShell>
    </>
  );
}

const loadCompressor = () => import("@/lib/field/local/compress");

/** The new visit's photos: picked, shrunk on the phone (≈ 0.3 MB), listed with a remove button. */
function NewVisitPhotos({ photos, onChange, max }: { photos: File[]; onChange: (next: File[]) => void; max: number }) {
  const t = useTranslations("visits");
  const tc = useTranslations("common");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The compressor is loaded while the page still has network (or from the worker's cache), so a
  // photo picked without signal does not wait for a chunk that cannot arrive.
  useEffect(() => {
    void loadCompressor().catch(() => {});
  }, []);
  const add = async (files: File[]) => {
    if (!files.length) return;
    setError(null);
    setBusy(true);
    // Not loadable (offline before it was ever fetched): the photo goes as picked; the server still checks it.
    const compressPhoto = await loadCompressor()
      .then((m) => m.compressPhoto)
      .catch(() => async (f: File) => f);
    const next = [...photos];
    for (const file of files) {
      if (next.length >= max) {
        setError(t("tooManyPhotos", { max }));
        break;
      }
      if (!["image/jpeg", "image/png", "image/webp"].includes(file.type)) {
        setError(t("photoTypeOf", { name: file.name }));
        continue;
      }
      next.push(await compressPhoto(file));
    }
    onChange(next);
    setBusy(false);
  };
  return (
    <div className="space-y-2">
      {photos.length > 0 ? (
        <ul className="space-y-1">
          {photos.map((p, i) => (
            <li key={`${p.name}-${i}`} className="flex items-center justify-between gap-2 text-sm">
              <span className="min-w-0 truncate">{p.name}（{Math.max(1, Math.round(p.size / 1024))} KB）</span>
              <Button variant="ghost" size="sm" className="h-11" onClick={() => onChange(photos.filter((_, j) => j !== i))} aria-label={t("deletePhotoN", { n: i + 1 })}>
                {tc("remove")}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {photos.length < max ? (
        <div className="space-y-1">
          <label htmlFor="new-visit-photos" className="block text-sm font-medium text-slate-700">{t("addPhotos")}</label>
          <input
            id="new-visit-photos"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            disabled={busy}
            onChange={(e) => {
              // Copied first: clearing the input empties the very FileList an awaiting add() would read.
              const picked = Array.from(e.target.files ?? []);
              e.target.value = "";
              void add(picked);
            }}
            aria-describedby="new-visit-photos-hint"
            className="block w-full text-sm file:mr-3 file:h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:text-slate-800"
          />
          <p id="new-visit-photos-hint" className="text-xs text-slate-500">{busy ? t("compressing") : t("photosHint", { max })}</p>
        </div>
      ) : null}
      {error ? <p className="text-sm text-red-700" role="alert">{error}</p> : null}
    </div>
  );
}
