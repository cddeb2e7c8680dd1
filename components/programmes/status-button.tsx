"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { setProgrammeStatusAction } from "@/lib/programmes/actions";
import { useLatestVersion } from "@/components/forms/use-version";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/**
 * 启动专项 (DRAFT → ACTIVE) or 结束专项 (ACTIVE → CLOSED), after a confirmation. Sends the
 * newest version known (the page's, or one an action on this programme returned); the server's refusal (no indicator yet, changed by someone
 * else) is shown as it comes.
 */
export function ProgrammeStatusButton({ id, version: renderedVersion, status }: { id: string; version: number; status: string }) {
  const [version, rememberVersion] = useLatestVersion(id, renderedVersion);
  const t = useTranslations("programmes");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  const next = status === "DRAFT" ? "ACTIVE" : status === "ACTIVE" ? "CLOSED" : null;
  const activating = next === "ACTIVE";

  const confirm = async () => {
    if (!next) return;
    setPending(true);
    setMessage(null);
    try {
      const result = await setProgrammeStatusAction({ id, version, status: next });
      if (result.ok) {
        rememberVersion(result.data);
        setMessage({ tone: "success", text: t("statusChanged") });
        router.refresh();
      } else {
        setMessage({ tone: "error", text: result.error });
      }
    } catch {
      setMessage({ tone: "error", text: tErrors("network") });
    } finally {
      setPending(false);
      setOpen(false);
    }
  };

  return (
    <>
      {next ? (
        <>
      <Button
        variant={activating ? "primary" : "danger"}
        onClick={() => {
          setMessage(null);
          setOpen(true);
        }}
      >
        {activating ? t("activate") : t("close")}
      </Button>
      <ConfirmDialog
        open={open}
        tone={activating ? "primary" : "danger"}
        title={activating ? t("activateTitle") : t("closeTitle")}
        message={activating ? t("confirmActivate") : t("confirmClose")}
        confirmLabel={activating ? t("activate") : t("close")}
        pending={pending}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      />
        </>
      ) : null}
      {message ? (
        <Alert tone={message.tone} className="basis-full">
          {message.text}
        </Alert>
      ) : null}
    </>
  );
}
