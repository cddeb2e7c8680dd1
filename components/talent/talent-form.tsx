"use client";
// Register a talent. The ID number is checked in the browser with the same GB 11643 check
// digit as the server. No local draft here: an ID number must not sit in localStorage.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createTalentAction } from "@/lib/talent/actions";
import { createTalentContract } from "@/lib/talent/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { Field, Input, Select } from "@/components/ui/field";
import { LinkButton } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export function TalentForm({ enterprises, enterpriseId }: { enterprises: { id: string; name: string }[]; enterpriseId?: string }) {
  const t = useTranslations("talent");
  const router = useRouter();
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(createTalentContract, createTalentAction, {
    defaultValues: {
      enterpriseId: enterpriseId ?? (enterprises.length === 1 ? enterprises[0]!.id : ""), name: "", idNumber: "", phone: "", education: "", title: "", position: "", joinedOn: "",
    },
    onSuccess: (data) => router.push(`/talent/${data.id}`),
  });
  const reg = form.register;
  const optional = <span className="font-normal text-slate-500">（{t("optional")}）</span>;
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("newTalent")} label={t("newTalent")}
      secondary={<LinkButton href="/talent" variant="ghost">{t("back")}</LinkButton>}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="enterpriseId" label={t("enterprise")} error={errorOf("enterpriseId")} required className="sm:col-span-2">
          {(p) => (
            <Select {...p} {...reg("enterpriseId")}>
              <option value="">{t("choose")}</option>
              {enterprises.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
            </Select>
          )}
        </Field>
        <Field id="name" label={t("name")} error={errorOf("name")} required>
          {(p) => <Input {...p} autoComplete="off" {...reg("name")} />}
        </Field>
        <Field id="idNumber" label={t("idNumber")} error={errorOf("idNumber")} hint={t("idNumberHint")} required>
          {(p) => <Input {...p} autoComplete="off" spellCheck={false} {...reg("idNumber")} className={cn(p.className, "font-mono uppercase")} />}
        </Field>
        <Field id="phone" label={<>{t("phone")} {optional}</>} error={errorOf("phone")}>
          {(p) => <Input {...p} type="tel" inputMode="numeric" autoComplete="off" {...reg("phone")} />}
        </Field>
        <Field id="education" label={<>{t("education")} {optional}</>} error={errorOf("education")}>
          {(p) => <Input {...p} list="education-options" {...reg("education")} />}
        </Field>
        <datalist id="education-options">
          {["博士研究生", "硕士研究生", "大学本科", "大学专科", "中专/高中"].map((x) => <option key={x} value={x} />)}
        </datalist>
        <Field id="title" label={<>{t("titleField")} {optional}</>} error={errorOf("title")}>
          {(p) => <Input {...p} {...reg("title")} />}
        </Field>
        <Field id="position" label={<>{t("position")} {optional}</>} error={errorOf("position")}>
          {(p) => <Input {...p} {...reg("position")} />}
        </Field>
        <Field id="joinedOn" label={<>{t("joinedOn")} {optional}</>} error={errorOf("joinedOn")}>
          {(p) => <Input {...p} type="date" {...reg("joinedOn")} />}
        </Field>
      </div>
    </FormShell>
  );
}
