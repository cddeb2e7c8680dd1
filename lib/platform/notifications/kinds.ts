// The kinds of notice a programme module raises, as data in its descriptor
// (ProgrammeModule.notificationKinds). The admin's per-programme rules page lists them with
// these defaults; a ProgrammeNotificationRule row overrides them for one programme; a
// NotificationPreference row lets one user switch one kind off on one channel.
export type NotificationKindSpec = {
  /** As passed to notify({ kind }): "hotline.breach". Its label is messages notifications.kinds.<kind>. */
  kind: string;
  /** Goes out at once even outside working hours (a clock breach), by default. */
  urgent: boolean;
  /** Goes to the external channels (DingTalk) at all, by default. */
  external: boolean;
};

/** The defaults when a notice's kind is not declared by any module (never urgent, sent). */
export const DEFAULT_KIND_RULE = { urgent: false, external: true } as const;
