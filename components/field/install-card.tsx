"use client";
// "安装到手机桌面" on the /field page (issue 16). Chromium (Android, desktop) offers the install
// through beforeinstallprompt, which the card keeps and fires from its button; iOS Safari has no
// such event, so the card shows the two steps instead. Nothing once the app runs installed.
// Strings: field.pwa (the page ships that namespace).
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";

/** Chromium's install prompt event (not in the DOM typings). */
type BeforeInstallPromptEvent = Event & { prompt(): Promise<void>; userChoice: Promise<{ outcome: "accepted" | "dismissed" }> };

type Mode = "hidden" | "prompt" | "ios";

function runsInstalled(): boolean {
  return window.matchMedia("(display-mode: standalone)").matches || (navigator as Navigator & { standalone?: boolean }).standalone === true;
}

/** iPhone/iPad Safari (iPadOS says "Macintosh" but has touch); other iOS browsers cannot install at all. */
function isIosSafari(): boolean {
  const ua = navigator.userAgent;
  const ios = /iPad|iPhone|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1);
  return ios && /Safari/.test(ua) && !/CriOS|FxiOS|EdgiOS/.test(ua);
}

export function InstallCard() {
  const t = useTranslations("field.pwa");
  const [mode, setMode] = useState<Mode>("hidden");
  const [promptEvent, setPromptEvent] = useState<BeforeInstallPromptEvent | null>(null);

  useEffect(() => {
    if (runsInstalled()) return;
    // The browser decides when an app is installable; this runs after first render on purpose.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (isIosSafari()) setMode("ios");
    const onPrompt = (event: Event) => {
      event.preventDefault(); // keep Chromium's mini-infobar away: the card is the offer
      setPromptEvent(event as BeforeInstallPromptEvent);
      setMode("prompt");
    };
    const onInstalled = () => setMode("hidden");
    window.addEventListener("beforeinstallprompt", onPrompt);
    window.addEventListener("appinstalled", onInstalled);
    return () => {
      window.removeEventListener("beforeinstallprompt", onPrompt);
      window.removeEventListener("appinstalled", onInstalled);
    };
  }, []);

  if (mode === "hidden") return null;

  async function install() {
    if (!promptEvent) return;
    await promptEvent.prompt();
    await promptEvent.userChoice;
    // A prompt event can be used once: after either answer the card has nothing left to offer
    // (Chromium fires a new beforeinstallprompt later if the officer declined).
    setPromptEvent(null);
    setMode("hidden");
  }

  return (
    <section aria-labelledby="install-card-title" className="rounded-lg border border-brand-100 bg-brand-50 p-4">
      <h2 id="install-card-title" className="text-base font-semibold text-brand-800">{t("installTitle")}</h2>
      <p className="mt-1 text-sm text-slate-700">{t("installBody")}</p>
      {mode === "prompt" ? (
        <button type="button" onClick={install} className="mt-3 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800">
          {t("installButton")}
        </button>
      ) : (
        <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm text-slate-800">
          <li>{t("installIosStep1")}</li>
          <li>{t("installIosStep2")}</li>
        </ol>
      )}
    </section>
  );
}
