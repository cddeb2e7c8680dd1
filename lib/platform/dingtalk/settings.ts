// The DingTalk (钉钉 / 浙政钉 / 专有钉钉) settings of a deployment, from the environment. The
// work-notice channel is on only with an app key, its secret and the agent id of the
// organisation's internal app (企业内部应用); 免登 needs the corp id as well. The endpoints are
// settings because a 浙政钉 or 专有钉钉 deployment answers on its own gateway, not on dingtalk.com.

export type DingTalkSettings = {
  appKey: string;
  appSecret: string;
  /** The internal app's AgentId: work notices go out in its name. */
  agentId: string;
  /** The organisation's CorpId: the H5 micro-app asks for an auth code with it (免登). */
  corpId: string | null;
  /** The new open API (api.dingtalk.com): access tokens, through the official SDK. */
  apiEndpoint: string;
  /** The older "oapi" API (oapi.dingtalk.com): work notices and the auth-code exchange. */
  oapiEndpoint: string;
  /** Work notices per user per Shanghai day; beyond it they fold into a digest. */
  dailyCap: number;
  /** The app's absolute base URL for links in messages; null leaves links out. */
  appUrl: string | null;
};

const trimmed = (value: string | undefined) => {
  const v = value?.trim();
  return v ? v : null;
};

let warned = false;

/** null when the three settings the channel needs are not all present (DingTalk off). */
export function dingtalkSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): DingTalkSettings | null {
  const appKey = trimmed(env.DINGTALK_APP_KEY);
  const appSecret = trimmed(env.DINGTALK_APP_SECRET);
  const agentId = trimmed(env.DINGTALK_AGENT_ID);
  if (!appKey || !appSecret || !agentId) return null;
  // DingTalk's AgentId is a number; anything else is a typo that would fail every notice.
  if (!/^\d+$/.test(agentId)) {
    if (!warned) console.warn("[dingtalk] DINGTALK_AGENT_ID must be the app's numeric AgentId: DingTalk stays off");
    warned = true;
    return null;
  }
  const cap = Number(env.DINGTALK_DAILY_CAP ?? 100);
  return {
    appKey,
    appSecret,
    agentId,
    corpId: trimmed(env.DINGTALK_CORP_ID),
    apiEndpoint: (trimmed(env.DINGTALK_API_ENDPOINT) ?? "https://api.dingtalk.com").replace(/\/+$/, ""),
    oapiEndpoint: (trimmed(env.DINGTALK_OAPI_ENDPOINT) ?? "https://oapi.dingtalk.com").replace(/\/+$/, ""),
    dailyCap: Number.isInteger(cap) && cap > 0 ? cap : 100,
    appUrl: trimmed(env.APP_URL)?.replace(/\/+$/, "") ?? null,
  };
}

/** The corp id for 免登 when DingTalk sign-in is possible (the channel settings and a corp id). */
export function dingtalkCorpId(env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  return dingtalkSettingsFromEnv(env)?.corpId ?? null;
}
