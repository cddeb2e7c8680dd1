// The notices the hotline raises to users, with their default rules (the descriptor's
// notificationKinds; an admin overrides them per programme), and the SMS it sends the enterprise
// that called. Every notify() and sendExternal() of the module takes its kind and rule from
// here, not from literals at the call.
import "server-only";
import type { Tx } from "@/lib/platform/db/client";
import type { NotificationKindSpec } from "@/lib/platform/notifications/kinds";
import { sendExternal } from "@/lib/platform/notifications/notify";
import { sealParam } from "@/lib/platform/notifications/sealed";

export const HOTLINE_NOTICES = {
  assigned: { kind: "hotline.assigned", urgent: false, external: true },
  sentBack: { kind: "hotline.sentBack", urgent: false, external: true },
  online: { kind: "hotline.online", urgent: false, external: true },
  reopened: { kind: "hotline.reopened", urgent: false, external: true },
  chase: { kind: "hotline.chase", urgent: false, external: true },
  extension: { kind: "hotline.extension", urgent: false, external: true },
  // A warning outside working hours waits for the morning: the breach that may follow is urgent
  // and goes out at once, and waking people for "may run out" at 23:00 buys little. Within
  // working hours (where a same-day clock's warning mostly falls) it goes at once anyway.
  warning: { kind: "hotline.warning", urgent: false, external: true },
  breach: { kind: "hotline.breach", urgent: true, external: true },
} as const satisfies Record<string, NotificationKindSpec>;

/** The descriptor's notificationKinds: what users receive (the rules and settings pages list them). */
export const HOTLINE_NOTICE_KINDS: readonly NotificationKindSpec[] = Object.values(HOTLINE_NOTICES);

type Notice = (typeof HOTLINE_NOTICES)[keyof typeof HOTLINE_NOTICES];

/** The part of a notify() input that comes from the notice's rule and the request's programme. */
export function noticeOf(notice: Notice, programmeId: string) {
  return { kind: notice.kind, urgent: notice.urgent, external: notice.external, programmeId };
}

/**
 * The SMS to the caller. They answer the enterprise's own action (its call, its request being
 * answered or closed) and go out at once (sendExternal holds nothing for working hours). Not in
 * notificationKinds: those are listed to users as switches of their own DingTalk notices, and a
 * caller is no user.
 */
export const HOTLINE_SMS = {
  intake: { kind: "hotline.sms.intake", template: "intake", urgent: true },
  answered: { kind: "hotline.sms.answered", template: "answered", urgent: true },
  closed: { kind: "hotline.sms.closed", template: "closed", urgent: true },
} as const;

type Sms = (typeof HOTLINE_SMS)[keyof typeof HOTLINE_SMS];

// ───────────────────────── SMS to the caller ─────────────────────────

/** The contact type of a request's caller (descriptor contacts, NotificationDelivery.recipientType). */
export const CALLER_CONTACT = "ServiceRequest";

/** The caller's number when it is a mainland mobile (what an SMS reaches); else null (a landline). */
export function callerMobile(phone: string): string | null {
  const trimmed = phone.trim();
  return /^1\d{10}$/.test(trimmed) ? trimmed : null;
}

/**
 * The public status page with the number filled in. The tracking code is not in the link: the
 * app keeps only its hash, and the code travels once, in the intake SMS (sealed in its row).
 */
export const trackLink = (number: string) => `/service/track?n=${encodeURIComponent(number)}`;

type SmsRequest = { id: string; number: string; callerPhone: string };

/**
 * One SMS to the request's caller, in the event's transaction, on the "sms" channel: nothing when
 * the channel is off (sendExternal) or the caller gave no mobile number (a landline: no row at
 * all). `dedupeKey` makes the message once per event however often the code runs.
 */
async function smsToCaller(r: SmsRequest, sms: Sms, params: Record<string, string>, dedupeKey: string, tx: Tx): Promise<void> {
  if (!callerMobile(r.callerPhone)) return;
  await sendExternal({
    channel: "sms", to: { recipientType: CALLER_CONTACT, recipientId: r.id }, kind: sms.kind, template: sms.template,
    params: { number: r.number, ...params }, link: trackLink(r.number), dedupeKey, urgent: sms.urgent,
  }, tx);
}

/** At intake (phone, visit or the public page): the confirmation number and the tracking code. */
export function smsIntake(r: SmsRequest, trackingCode: string, tx: Tx) {
  return smsToCaller(r, HOTLINE_SMS.intake, { code: sealParam(trackingCode) }, `sms:intake:${r.id}`, tx);
}

/**
 * The department answered (回应). After a reopen the request is answered again, and the
 * enterprise hears about the new answer: the key carries the reopen count.
 */
export function smsAnswered(r: SmsRequest & { reopenCount: number }, tx: Tx) {
  const key = r.reopenCount > 0 ? `sms:answered:${r.id}:${r.reopenCount}` : `sms:answered:${r.id}`;
  return smsToCaller(r, HOTLINE_SMS.answered, {}, key, tx);
}

/** The hotline closed the request with the enterprise's feedback. CLOSED is final: one key per request. */
export function smsClosed(r: SmsRequest, tx: Tx) {
  return smsToCaller(r, HOTLINE_SMS.closed, {}, `sms:closed:${r.id}`, tx);
}
