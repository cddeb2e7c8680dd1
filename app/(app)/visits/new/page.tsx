import { now } from "@/lib/platform/clock";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { visitFormOptions } from "@/lib/visits/queries";
import { MAX_PHOTOS_PER_VISIT } from "@/lib/visits/photos";
import { toShanghaiLocal } from "@/lib/platform/shanghai";
import { PageHeader, EmptyState } from "@/components/ui/card";
import { VisitForm } from "@/components/visits/visit-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("visits");
  return { title: t("recordTitle") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function NewVisitPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("visit.create");
  const t = await getTranslations("visits");
  const { programmeId, outbox } = await searchParams;
  const options = await visitFormOptions(user);
  // ?programmeId=… preselects a campaign (ignored unless it is one the user may record for).
  const wanted = typeof programmeId === "string" ? options.campaigns.find((c) => c.id === programmeId) : undefined;
  // Otherwise the one campaign the user takes part in (or the only one there is).
  const mine = options.campaigns.filter((c) => c.participantIds.includes(user.id));
  const campaign = wanted ?? (mine.length === 1 ? mine[0] : options.campaigns.length === 1 ? options.campaigns[0] : undefined);

  return (
    // field.outbox: the offline save's notice and the outbox item's label (issue 16).
    <ClientMessages namespaces={["validation.*", "visits", "field.outbox.visitLabel", "field.outbox.photoLabel", "field.outbox.savedOffline", "field.outbox.photosNotKept", "field.workSet.search"]}>
      <div className="mx-auto max-w-3xl space-y-4">
        <PageHeader title={t("recordTitle")} description={t("recordIntro")} />
        {options.campaigns.length === 0 ? (
          <EmptyState>{t("noActiveCampaign")}</EmptyState>
        ) : (
          <VisitForm
            mode="create"
            campaigns={options.campaigns}
            officers={options.officers}
            self={{ id: user.id, name: user.name }}
            maxPhotos={MAX_PHOTOS_PER_VISIT}
            // ?outbox=<id>: a visit kept on this device that the server refused, opened to fix.
            outboxItemId={typeof outbox === "string" ? outbox : null}
            defaultValues={{
              programmeId: campaign?.id ?? "",
              officerId: "",
              // Never preset (issue 13 item 7): the form offers the officer's mentor as one tap.
              mentorId: "",
              kind: "HOUSEHOLD",
              placeType: "HOUSEHOLD",
              placeId: "",
              visitedAt: toShanghaiLocal(now()),
              checklist: (campaign?.checkItems ?? []).map((i) => ({ itemId: i.id, checked: false, note: "" })),
              problems: [],
              services: [],
              notes: "",
              latitude: "",
              longitude: "",
            }}
          />
        )}
      </div>
    </ClientMessages>
  );
}
