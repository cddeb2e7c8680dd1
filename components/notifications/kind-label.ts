// A notice kind's name in the reader's language: messages "notifications.kinds.<kind>"
// ("hotline.breach" → notifications.kinds.hotline.breach), else the kind itself (a kind no
// module declared still reads as something).
import { getTranslations } from "next-intl/server";

export async function notificationKindLabeler(): Promise<(kind: string) => string> {
  // Kinds come from the database and module descriptors, so they are checked at run time.
  type Loose = { has: (key: string) => boolean; (key: string): string };
  const t = (await getTranslations("notifications")) as unknown as Loose;
  return (kind) => {
    try {
      if (t.has(`kinds.${kind}`)) return t(`kinds.${kind}`);
    } catch {
      // "kinds.hotline" names a group of kinds, not a message: fall through.
    }
    return kind;
  };
}
