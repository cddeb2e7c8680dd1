// Ships message namespaces to the client components below (docs/decisions/0020): a layout or
// page renders <ClientMessages namespaces={["visits", "validation.*"]}> around what it renders
// ("validation.*": the field messages every form shows; "validation.hotline": one module's).
// The list is an array literal of string literals, so tests/unit/client-messages.test.ts can
// read it and compare it with the useTranslations namespaces of the client files under it.
import type { ReactNode } from "react";
import { getMessages } from "next-intl/server";
import { pickMessages } from "@/lib/platform/i18n/client-messages";
import { MergeMessages } from "./merge-messages";

export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  return <MergeMessages messages={pickMessages(await getMessages(), namespaces)}>{children}</MergeMessages>;
}
