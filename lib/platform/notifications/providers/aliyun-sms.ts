// SMS to people who are not users of the app (a hotline caller), through Aliyun's SMS service
// with its official SDK (@alicloud/dysmsapi20170525, SendSms). On when the access key, its
// secret and the signature name are set (.env.example "SMS"); otherwise the channel does not
// exist and nothing is queued for it.
//
// A message names its recipient by record (to = { recipientType, recipientId }); the mobile
// number is looked up at send time through the record's contact resolver (contacts.ts) and goes
// only into the request to Aliyun: never into a delivery row, an error message or a log line.
// Aliyun sends only approved templates: message.template ("intake", "answered", "closed") maps
// to the template code in ALIYUN_SMS_TEMPLATE_<NAME>, and message.params become the template's
// variables (strings, as TemplateParam requires). Aliyun refuses URLs as variables
// (isv.PARAM_NOT_SUPPORT_URL: the domain must be fixed in the approved template), so the link
// is not sent: the template's own text carries the tracking page's address.
import "server-only";
import Dysmsapi, { SendSmsRequest } from "@alicloud/dysmsapi20170525";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import { db } from "@/lib/platform/db/client";
import { ChannelError, defineChannelFactory, type NotificationChannel, type OutboundMessage } from "@/lib/platform/notifications/channels";
import { contactResolver } from "@/lib/platform/notifications/contacts";
import { unsealParams } from "@/lib/platform/notifications/sealed";

export const SMS_CHANNEL = "sms";

export type AliyunSmsSettings = {
  accessKeyId: string;
  accessKeySecret: string;
  /** Host (and port) of the SendSms API; a test points it at a local server with http://. */
  endpoint: string;
  protocol: "https" | "http";
  signName: string;
  /** Template name ("intake") → approved template code ("SMS_123456789"). */
  templates: Record<string, string>;
};

const TEMPLATE_PREFIX = "ALIYUN_SMS_TEMPLATE_";

/** The settings, or null when the channel is off (key id, secret or signature name missing). */
export function aliyunSmsSettings(env: Readonly<Record<string, string | undefined>>): AliyunSmsSettings | null {
  const accessKeyId = env.ALIYUN_SMS_ACCESS_KEY_ID?.trim();
  const accessKeySecret = env.ALIYUN_SMS_ACCESS_KEY_SECRET?.trim();
  const signName = env.ALIYUN_SMS_SIGN_NAME?.trim();
  if (!accessKeyId || !accessKeySecret || !signName) return null;
  const raw = env.ALIYUN_SMS_ENDPOINT?.trim() || "dysmsapi.aliyuncs.com";
  const scheme = /^(https?):\/\//i.exec(raw);
  const templates: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith(TEMPLATE_PREFIX) && value?.trim()) templates[key.slice(TEMPLATE_PREFIX.length).toLowerCase()] = value.trim();
  }
  return {
    accessKeyId, accessKeySecret, signName, templates,
    endpoint: raw.replace(/^https?:\/\//i, "").replace(/\/+$/, ""),
    protocol: scheme?.[1]?.toLowerCase() === "http" ? "http" : "https",
  };
}

/** A mainland mobile number (the only kind Aliyun's domestic SMS reaches). */
export const MAINLAND_MOBILE = /^1\d{10}$/;

/** Any run of 7+ digits masked: a provider's text is stored and shown, and could echo the number. */
function scrub(text: string): string {
  return text.replace(/\d{7,}/g, (d) => `${d.slice(0, 3)}****${d.slice(-2)}`).slice(0, 300);
}

// Aliyun's documented SendSms codes (help.aliyun.com "API错误码"): flow control and the
// platform's own failures pass; everything else about the request (number, template,
// signature, parameters, account) will not get better by sending it again.
const FLOW_CONTROL = /LIMIT_CONTROL|BUSINESS_LIMIT/;
const PROVIDER_FAULT = new Set(["isp.SYSTEM_ERROR", "isp.GATEWAY_ERROR", "isp.UNKNOWN", "isv.DATA_NOT_EXIST"]);
/** Flow control counts per hour and per day for notices to one number: try again well later. */
const FLOW_CONTROL_RETRY_SECONDS = 3600;

function refusal(code: string, message: string): ChannelError {
  const text = `aliyun-sms ${code}: ${scrub(message)}`;
  if (FLOW_CONTROL.test(code)) return new ChannelError(text, true, FLOW_CONTROL_RETRY_SECONDS);
  return new ChannelError(text, PROVIDER_FAULT.has(code));
}

type SdkError = Error & { statusCode?: number; code?: string; retryAfter?: number; data?: { Code?: string; Message?: string } };

/** An exception from the SDK: HTTP 4xx/5xx answers, throttling, or the network. */
function sdkFailure(error: unknown): ChannelError {
  const e = (error ?? {}) as SdkError;
  const code = e.data?.Code ?? e.code ?? "";
  const status = e.statusCode;
  const detail = scrub(e.data?.Message ?? e.message ?? String(error));
  if (e.name === "ThrottlingError" || /Throttling/.test(code)) {
    const after = typeof e.retryAfter === "number" && e.retryAfter > 0 ? Math.ceil(e.retryAfter / 1000) : 60;
    return new ChannelError(`aliyun-sms ${code || "Throttling"}: ${detail}`, true, after);
  }
  if (status !== undefined && status >= 500) return new ChannelError(`aliyun-sms HTTP ${status} ${code}: ${detail}`.trim(), true);
  // 4xx: bad key (InvalidAccessKeyId.*), SignatureDoesNotMatch, RAM denial, bad parameters.
  if (status !== undefined && status >= 400) return new ChannelError(`aliyun-sms HTTP ${status} ${code}: ${detail}`, false);
  // No answer at all (refused connection, timeout, DNS): the service may be back later.
  return new ChannelError(`aliyun-sms unreachable: ${detail}`, true);
}

export function aliyunSmsChannel(settings: AliyunSmsSettings): NotificationChannel {
  const client = new Dysmsapi(new $OpenApiUtil.Config({
    accessKeyId: settings.accessKeyId,
    accessKeySecret: settings.accessKeySecret,
    endpoint: settings.endpoint,
    protocol: settings.protocol,
    connectTimeout: 5_000,
    readTimeout: 10_000,
  }));

  return {
    name: SMS_CHANNEL,
    async send(message: OutboundMessage) {
      if (!("recipientType" in message.to)) throw new ChannelError("the SMS channel carries no user notifications", false);
      const templateCode = message.template ? settings.templates[message.template.toLowerCase()] : undefined;
      if (!templateCode) {
        // A deployment that has not set this template: visible on the failed-deliveries page.
        throw new ChannelError(`SMS template "${message.template ?? ""}" is not configured (${TEMPLATE_PREFIX}${(message.template ?? "").toUpperCase()})`, false);
      }
      const resolve = contactResolver(message.to.recipientType);
      if (!resolve) throw new ChannelError(`no contact resolver for ${message.to.recipientType}`, false);
      const phone = (await resolve(message.to.recipientId, db))?.phone?.trim();
      if (!phone || !MAINLAND_MOBILE.test(phone)) throw new ChannelError("no mobile number for the recipient", false);

      let opened: Record<string, string | number>;
      try {
        opened = unsealParams(message.params);
      } catch {
        // Sealed under another PII key (rotated since it was queued): it will never open.
        throw new ChannelError("a sealed parameter could not be opened (PII_ENCRYPTION_KEY changed?)", false);
      }
      const variables = Object.fromEntries(Object.entries(opened).map(([k, v]) => [k, String(v)]));
      let body;
      try {
        ({ body } = await client.sendSms(new SendSmsRequest({
          phoneNumbers: phone,
          signName: settings.signName,
          templateCode,
          templateParam: JSON.stringify(variables),
          // Echoed in Aliyun's delivery receipts: ties a receipt to its delivery row.
          outId: message.deliveryId,
        })));
      } catch (error) {
        throw sdkFailure(error);
      }
      if (body?.code !== "OK") throw refusal(body?.code ?? "NoCode", body?.message ?? "");
      return { providerRef: body.bizId };
    },
  };
}

defineChannelFactory({
  name: SMS_CHANNEL,
  fromEnv: (env) => {
    const settings = aliyunSmsSettings(env);
    return settings ? aliyunSmsChannel(settings) : null;
  },
});
