"use client";
// A service station: for a new one the programme it serves and its org unit (both fixed
// afterwards: a rollover moves it to the next programme), then name, address and opening hours;
// editing can also switch the station off.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { bindAction } from "@/lib/platform/contract";
import { createStationAction, updateStationAction } from "@/lib/service-stations/catalogue-actions";
import { createStationContract, updateStationContract } from "@/lib/service-stations/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { LinkButton } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

type Values = { programmeId?: string; orgUnitId?: string; id?: string; version?: number; name: string; address: string; hours: string; active?: boolean };

export function StationForm({ programmes, units, edit }: {
  programmes: { id: string; name: string }[];
  units: { id: string; name: string; level: number }[];
  edit?: { id: string; version: number; name: string; address: string; hours: string; active: boolean };
}) {
  const t = useTranslations("serviceStation.stations");
  const router = useRouter();
  const { form, onSubmit, rootError, errorOf, pending, draftRestored, discardDraft } = useActionForm<Values, { id: string }>(
    edit ? bindAction(updateStationContract, updateStationAction) : bindAction(createStationContract, createStationAction),
    {
      defaultValues: edit
        ? { id: edit.id, version: edit.version, name: edit.name, address: edit.address, hours: edit.hours, active: edit.active }
        : { programmeId: programmes.length === 1 ? programmes[0]!.id : "", orgUnitId: "", name: "", address: "", hours: "" },
      draftKey: edit ? undefined : "service-station-new",
      onSuccess: (data) => router.push(edit ? `/service-stations/${edit.id}/catalogue` : `/service-stations/${data.id}/catalogue`),
    },
  );
  const { register } = form;
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={edit ? t("save") : t("create")} label={edit ? t("settings") : t("new")}
      draftRestored={draftRestored} onDiscardDraft={discardDraft}
      secondary={<LinkButton href={edit ? `/service-stations/${edit.id}/catalogue` : "/service-stations"} variant="ghost">{t("cancel")}</LinkButton>}>
      {edit ? null : (
        <>
          <Field id="station-programme" label={t("programme")} error={errorOf("programmeId")} required hint={t("programmeHint")}>
            {(p) => (
              <Select {...p} {...register("programmeId")}>
                <option value="">{t("choose")}</option>
                {programmes.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
              </Select>
            )}
          </Field>
          <Field id="station-unit" label={t("orgUnit")} error={errorOf("orgUnitId")} required hint={t("orgUnitHint")}>
            {(p) => (
              <Select {...p} {...register("orgUnitId")}>
                <option value="">{t("choose")}</option>
                {units.map((u) => <option key={u.id} value={u.id}>{`${"　".repeat(u.level)}${u.name}`}</option>)}
              </Select>
            )}
          </Field>
        </>
      )}
      <Field id="station-name" label={t("name")} error={errorOf("name")} required>{(p) => <Input {...p} limit={60} {...register("name")} />}</Field>
      <Field id="station-address" label={t("address")} error={errorOf("address")}>{(p) => <Input {...p} limit={200} {...register("address")} />}</Field>
      <Field id="station-hours" label={t("hours")} error={errorOf("hours")} hint={t("hoursHint")}>{(p) => <Input {...p} limit={100} {...register("hours")} />}</Field>
      {edit ? (
        <label className="inline-flex min-h-11 items-center gap-2 text-base">
          <input type="checkbox" className="h-5 w-5" {...register("active")} />
          {t("active")}
        </label>
      ) : null}
    </FormShell>
  );
}
