// DingTalk work notices (工作通知) as an external notification channel: on when
// DINGTALK_APP_KEY, DINGTALK_APP_SECRET and DINGTALK_AGENT_ID are set (lib/platform/dingtalk/settings.ts).
// It reaches active users linked to a DingTalk account (User.dingtalkUserId, set by an admin or
// at the first 免登 sign-in) and sends each message as an action card opening the record in the
// app (APP_URL + the notification's link), or as plain markdown when APP_URL is not set.
import "server-only";
import { db, type Client } from "@/lib/platform/db/client";
import { DingTalkClient, DingTalkError, type WorkNoticeMessage } from "@/lib/platform/dingtalk/client";
import { dingtalkSettingsFromEnv, type DingTalkSettings } from "@/lib/platform/dingtalk/settings";
import { ChannelError, defineChannelFactory, type NotificationChannel, type OutboundMessage } from "@/lib/platform/notifications/channels";
import { renderMessage } from "@/lib/platform/notifications/render";

export const DINGTALK_CHANNEL = "dingtalk";

/** The absolute link of an in-app path, or null without APP_URL (or for anything but a path). */
function absoluteLink(appUrl: string | null, link: string | null): string | null {
  if (!appUrl || !link || !link.startsWith("/") || link.startsWith("//")) return null;
  return `${appUrl}${link}`;
}

/** What the admin page shows for a refusal: the kind and DingTalk's code, never a token. */
function toChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  if (error instanceof DingTalkError) {
    const message = `钉钉${FAILURE_LABEL[error.failure]}（${error.code}）`;
    // A token refused twice in a row is DingTalk's problem of the moment, not ours: retried.
    return new ChannelError(message, error.retryable, error.retryAfterSeconds);
  }
  return new ChannelError("钉钉发送失败（未知错误）", true);
}

const FAILURE_LABEL: Record<DingTalkError["failure"], string> = {
  credentials: "拒绝了应用凭证，请检查 DINGTALK_APP_KEY / DINGTALK_APP_SECRET",
  tokenInvalid: "访问令牌无效",
  rateLimited: "限流",
  unavailable: "暂不可用",
  invalidUser: "找不到该用户，请检查其钉钉账号",
  invalidCode: "免登授权码无效",
  rejected: "拒绝了请求",
};

export function dingtalkChannel(settings: DingTalkSettings, client: Client = db): NotificationChannel {
  const api = new DingTalkClient(settings);
  return {
    name: DINGTALK_CHANNEL,
    dailyCap: settings.dailyCap,

    async reachableUsers(userIds, c = client) {
      if (userIds.length === 0) return new Set();
      const rows = await c.user.findMany({
        where: { id: { in: [...userIds] }, active: true, dingtalkUserId: { not: null } },
        select: { id: true },
      });
      return new Set(rows.map((r) => r.id));
    },

    async send(message: OutboundMessage) {
      if (!("userId" in message.to)) throw new ChannelError("钉钉只发送给本系统用户", false);
      // Looked up at send time: an account unlinked or deactivated since the event is not reached.
      const user = await client.user.findUnique({ where: { id: message.to.userId }, select: { dingtalkUserId: true, active: true } });
      if (!user?.active || !user.dingtalkUserId) throw new ChannelError("该用户未关联钉钉或已停用", false);

      const { title, text, openLabel } = await renderMessage(message);
      const url = absoluteLink(settings.appUrl, message.link);
      const msg: WorkNoticeMessage = url
        ? { msgtype: "action_card", action_card: { title, markdown: text, single_title: openLabel, single_url: url } }
        : { msgtype: "markdown", markdown: { title, text } };
      // One recipient per call: a failure then concerns this delivery only, and the task id
      // recorded is this message's.
      try {
        const { taskId } = await api.sendWorkNotice(user.dingtalkUserId, msg);
        return { providerRef: taskId };
      } catch (error) {
        throw toChannelError(error);
      }
    },
  };
}

defineChannelFactory({
  name: DINGTALK_CHANNEL,
  fromEnv(env) {
    const settings = dingtalkSettingsFromEnv(env);
    return settings ? dingtalkChannel(settings) : null;
  },
});
