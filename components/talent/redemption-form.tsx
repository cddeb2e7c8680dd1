"use client";
// Request a resource: for a talent (their points, the org unit's places) or for an
// enterprise (its points and tier places, optionally for one of its talents).
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { requestRedemptionAction } from "@/lib/talent/points/redemption-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";

export type ResourceOption = { id: string; name: string; pointsCost: number; enterpriseOnly: boolean; talentOnly: boolean; minTier: number | null };
export type HolderOption = { id: string; name: string; balance: number; enterpriseId?: string };

export function RedemptionForm({ resources, talents, enterprises, fixedTalentId, fixedEnterpriseId }: {
  resources: ResourceOption[]; talents: HolderOption[]; enterprises: HolderOption[]; fixedTalentId?: string; fixedEnterpriseId?: string;
}) {
  const t = useTranslations("points.redeem");
  const router = useRouter();
  const [mode, setMode] = useState<"TALENT" | "ENTERPRISE">(fixedEnterpriseId ? "ENTERPRISE" : "TALENT");
  const [talentId, setTalentId] = useState(fixedTalentId ?? "");
  const [enterpriseId, setEnterpriseId] = useState(fixedEnterpriseId ?? "");
  const [resourceId, setResourceId] = useState("");
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [pending, start] = useTransition();
  const usable = resources.filter((r) => (mode === "TALENT" ? !r.enterpriseOnly : !r.talentOnly));
  const resource = usable.find((r) => r.id === resourceId);
  const holder = mode === "TALENT" ? talents.find((x) => x.id === talentId) : enterprises.find((x) => x.id === enterpriseId);
  const beneficiaries = talents.filter((x) => x.enterpriseId === enterpriseId);

  const submit = () => start(async () => {
    setMessage(null);
    const r = await requestRedemptionAction({ resourceId, mode, talentId: mode === "TALENT" || talentId ? talentId : "", enterpriseId: mode === "ENTERPRISE" ? enterpriseId : "", note: "", idempotencyKey: key }).catch(() => null);
    if (!r) return setMessage({ tone: "error", text: t("network") });
    if (!r.ok) return setMessage({ tone: "error", text: Object.values(r.fieldErrors ?? {})[0]?.[0] ?? r.error });
    setKey(crypto.randomUUID());
    setMessage({ tone: "success", text: t("requested", { number: r.data.number, balance: r.data.balanceAfter }) });
    router.refresh();
  });

  return (
    <div className="space-y-3">
      {!fixedTalentId && !fixedEnterpriseId ? (
        <fieldset className="flex flex-wrap gap-4">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("mode")}</legend>
          {(["TALENT", "ENTERPRISE"] as const).map((m) => (
            <label key={m} className="inline-flex min-h-11 items-center gap-2 text-base">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => { setMode(m); setTalentId(""); setResourceId(""); }} className="h-5 w-5" />
              {t(`modes.${m}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {mode === "ENTERPRISE" && !fixedEnterpriseId ? (
          <Field id="r-enterprise" label={t("enterprise")} required>
            {(p) => (
              <Select {...p} value={enterpriseId} onChange={(e) => { setEnterpriseId(e.target.value); setTalentId(""); }}>
                <option value="">{t("choose")}</option>
                {enterprises.map((e) => <option key={e.id} value={e.id}>{t("holderOption", { name: e.name, balance: e.balance })}</option>)}
              </Select>
            )}
          </Field>
        ) : null}
        {!fixedTalentId ? (
          <Field id="r-talent" label={mode === "TALENT" ? t("talent") : t("beneficiary")} required={mode === "TALENT"}>
            {(p) => (
              <Select {...p} value={talentId} onChange={(e) => setTalentId(e.target.value)}>
                <option value="">{mode === "TALENT" ? t("choose") : t("noBeneficiary")}</option>
                {(mode === "TALENT" ? talents : beneficiaries).map((x) => <option key={x.id} value={x.id}>{mode === "TALENT" ? t("holderOption", { name: x.name, balance: x.balance }) : x.name}</option>)}
              </Select>
            )}
          </Field>
        ) : null}
        <Field id="r-resource" label={t("resource")} required>
          {(p) => (
            <Select {...p} value={resourceId} onChange={(e) => setResourceId(e.target.value)}>
              <option value="">{t("choose")}</option>
              {usable.map((r) => <option key={r.id} value={r.id}>{t("resourceOption", { name: r.name, cost: r.pointsCost })}</option>)}
            </Select>
          )}
        </Field>
      </div>
      {resource ? (
        <p className="text-sm text-slate-600">
          {t("costLine", { cost: resource.pointsCost, balance: holder?.balance ?? 0 })}
          {resource.minTier ? ` ${t("minTier", { tier: resource.minTier })}` : ""}
        </p>
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Button onClick={submit} disabled={pending || !resourceId || (mode === "TALENT" ? !talentId : !enterpriseId)} aria-busy={pending}>{t("submit")}</Button>
    </div>
  );
}
