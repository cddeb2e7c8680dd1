// A small DingTalk open-platform client: the app's access token (through the official SDK,
// @alicloud/dingtalk), work notices (工作通知) and the 免登 auth-code exchange.
//
// The token comes from the new API (POST {api}/v1.0/oauth2/accessToken) with the SDK's
// oauth2_1_0 client. Work notices (topapi/message/corpconversation/asyncsend_v2) and the
// auth-code exchange (topapi/v2/user/getuserinfo) exist only on the older "oapi" API, which
// the maintained SDK does not cover (its legacy TOP SDK is unmaintained), so those two calls
// are a typed fetch below.
//
// Error codes, from DingTalk's server API error-code page (open.dingtalk.com, 错误码): every
// oapi answer is HTTP 200 with { errcode, errmsg }, errcode 0 meaning success; errcode 88 is
// "鉴权异常" with the real reason in sub_code. Nothing here ever puts the token, the app
// secret or the auth code into an error message: messages are stored and shown to admins.
import "server-only";
import { nowMs } from "@/lib/platform/clock";
import type { DingTalkSettings } from "./settings";

/** Why a call failed, in the terms a caller acts on. */
export type DingTalkFailure =
  /** The app key/secret were refused: a settings problem, not worth retrying. */
  | "credentials"
  /** The token was refused (expired or revoked early): refresh it and try once more. */
  | "tokenInvalid"
  /** Flow control (限流): retry later. */
  | "rateLimited"
  /** DingTalk is busy or down (errcode -1, HTTP 5xx, network): retry later. */
  | "unavailable"
  /** The userid is not a member of the organisation. */
  | "invalidUser"
  /** The 免登 auth code is unknown, used or expired. */
  | "invalidCode"
  /** Anything else DingTalk refused (bad request, no permission): not retried. */
  | "rejected";

export class DingTalkError extends Error {
  constructor(
    readonly failure: DingTalkFailure,
    /** DingTalk's errcode / error code, or the HTTP status. Safe to store. */
    readonly code: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(`DingTalk ${failure} (${code})`);
    this.name = "DingTalkError";
  }

  get retryable(): boolean {
    return this.failure === "rateLimited" || this.failure === "unavailable" || this.failure === "tokenInvalid";
  }
}

// Token refused: 40014 不合法的access_token, 42001 access_token超时, 41001 缺少access_token.
const TOKEN_CODES = new Set(["40014", "42001", "41001"]);
// Flow control: 90002/90005/90006/90008/90018/90019 (调用频率/次数超过限制, 请求被暂时禁用).
// DingTalk gives no Retry-After; its windows are per second or per minute, so a minute is enough.
const RATE_LIMIT_CODES = new Set(["90002", "90005", "90006", "90008", "90018", "90019"]);
const RATE_LIMIT_RETRY_SECONDS = 60;
// Not a member: 33012 无效的USERID, 60121 找不到该用户, 40031 不合法的UserID列表.
const INVALID_USER_CODES = new Set(["33012", "60121", "40031"]);
// 40078 不存在的临时授权码 (unknown, used or expired 免登 code).
const INVALID_CODE_CODES = new Set(["40078"]);

/** Classifies an oapi errcode (and errcode 88's sub_code). */
export function oapiFailure(errcode: number, subCode?: string): DingTalkError {
  const code = errcode === 88 && subCode ? subCode : String(errcode);
  if (errcode === -1) return new DingTalkError("unavailable", code);
  if (TOKEN_CODES.has(code)) return new DingTalkError("tokenInvalid", code);
  if (RATE_LIMIT_CODES.has(code)) return new DingTalkError("rateLimited", code, RATE_LIMIT_RETRY_SECONDS);
  if (INVALID_USER_CODES.has(code)) return new DingTalkError("invalidUser", code);
  if (INVALID_CODE_CODES.has(code)) return new DingTalkError("invalidCode", code);
  return new DingTalkError("rejected", code);
}

function retryAfterHeader(value: string | null): number | undefined {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

/** An HTTP-level failure (no usable JSON answer). */
function httpFailure(status: number, retryAfter?: number): DingTalkError {
  if (status === 429) return new DingTalkError("rateLimited", "429", retryAfter ?? RATE_LIMIT_RETRY_SECONDS);
  if (status >= 500) return new DingTalkError("unavailable", String(status), retryAfter);
  return new DingTalkError("rejected", String(status));
}

// The token lives in this process's memory with its expiry. Nothing else depends on it: any
// instance (web or worker) fetches its own on first use, and DingTalk hands every caller a
// valid token (the same one until it nears expiry), so there is no state to share or lose.
type CachedToken = { value: string; expiresAtMs: number };
const globalForTokens = globalThis as unknown as { __dingtalkTokens?: Map<string, CachedToken> };
const tokens: Map<string, CachedToken> = (globalForTokens.__dingtalkTokens ??= new Map());
const inFlight = new Map<string, Promise<string>>();
/** Renew this long before DingTalk's stated expiry, so a token never dies mid-request. */
const TOKEN_MARGIN_MS = 5 * 60_000;
const TIMEOUT_MS = 10_000;

/** Tests: forget every cached token. */
export function forgetDingTalkTokens(): void {
  tokens.clear();
}

export type WorkNoticeMessage =
  | { msgtype: "markdown"; markdown: { title: string; text: string } }
  | { msgtype: "action_card"; action_card: { title: string; markdown: string; single_title: string; single_url: string } };

type OapiAnswer = { errcode?: number; errmsg?: string; sub_code?: string };

export class DingTalkClient {
  constructor(private readonly settings: Pick<DingTalkSettings, "appKey" | "appSecret" | "agentId" | "apiEndpoint" | "oapiEndpoint">) {}

  private get cacheKey() {
    return `${this.settings.apiEndpoint}|${this.settings.appKey}`;
  }

  /** The app's access token (企业内部应用), from the cache unless `refresh` or near expiry. */
  async accessToken(refresh = false): Promise<string> {
    const cached = tokens.get(this.cacheKey);
    if (!refresh && cached && cached.expiresAtMs - TOKEN_MARGIN_MS > nowMs()) return cached.value;
    // Concurrent sends that all find no token wait for one request instead of each asking.
    const pending = inFlight.get(this.cacheKey);
    if (pending) return pending;
    const request = this.fetchToken().finally(() => inFlight.delete(this.cacheKey));
    inFlight.set(this.cacheKey, request);
    return request;
  }

  private async fetchToken(): Promise<string> {
    const { default: Oauth2Client, GetAccessTokenRequest } = await import("@alicloud/dingtalk/dist/oauth2_1_0/client");
    const { Config } = await import("@alicloud/openapi-client");
    const url = new URL(this.settings.apiEndpoint);
    const sdk = new Oauth2Client(
      new Config({ protocol: url.protocol.replace(":", ""), endpoint: url.host, regionId: "central", readTimeout: TIMEOUT_MS, connectTimeout: TIMEOUT_MS }),
    );
    let body: { accessToken?: string; expireIn?: number } | undefined;
    try {
      body = (await sdk.getAccessToken(new GetAccessTokenRequest({ appKey: this.settings.appKey, appSecret: this.settings.appSecret }))).body;
    } catch (error) {
      throw sdkFailure(error);
    }
    if (!body?.accessToken) throw new DingTalkError("unavailable", "noToken");
    const value = body.accessToken;
    tokens.set(this.cacheKey, { value, expiresAtMs: nowMs() + (body.expireIn ?? 7200) * 1000 });
    return value;
  }

  /**
   * POSTs to an oapi path with the token; a refused token is renewed and the call made once
   * more (DingTalk may revoke a token before its stated expiry, e.g. when another instance's
   * request for a token rotated it).
   */
  private async oapi<T extends OapiAnswer>(path: string, body: unknown): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.accessToken(attempt > 1);
      const url = `${this.settings.oapiEndpoint}${path}?access_token=${encodeURIComponent(token)}`;
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json; charset=utf-8", accept: "application/json" },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch {
        // fetch's own message can quote the URL, token included: keep only what failed.
        throw new DingTalkError("unavailable", "network");
      }
      const retryAfter = retryAfterHeader(response.headers.get("retry-after"));
      if (!response.ok) throw httpFailure(response.status, retryAfter);
      let answer: T;
      try {
        answer = (await response.json()) as T;
      } catch {
        throw new DingTalkError("unavailable", "badJson");
      }
      if (answer.errcode === 0 || answer.errcode === undefined) return answer;
      const failure = oapiFailure(answer.errcode, answer.sub_code);
      if (failure.failure === "tokenInvalid" && attempt === 1) continue;
      throw failure;
    }
  }

  /** Sends a work notice (工作通知) to one member; returns DingTalk's task id. */
  async sendWorkNotice(userId: string, msg: WorkNoticeMessage): Promise<{ taskId: string }> {
    const answer = await this.oapi<OapiAnswer & { task_id?: number | string }>("/topapi/message/corpconversation/asyncsend_v2", {
      agent_id: Number(this.settings.agentId),
      userid_list: userId,
      msg,
    });
    return { taskId: String(answer.task_id ?? "") };
  }

  /** 免登: the member's userid for an auth code from dd.runtime.permission.requestAuthCode. */
  async userIdForAuthCode(code: string): Promise<string> {
    const answer = await this.oapi<OapiAnswer & { result?: { userid?: string } }>("/topapi/v2/user/getuserinfo", { code });
    const userid = answer.result?.userid;
    if (!userid) throw new DingTalkError("rejected", "noUserid");
    return userid;
  }
}

/** The SDK's errors carry DingTalk's code and the HTTP status; its message can quote the body. */
function sdkFailure(error: unknown): DingTalkError {
  const e = error as { statusCode?: number; code?: string; data?: { statusCode?: number; code?: string } };
  const status = e.statusCode ?? e.data?.statusCode;
  const code = String(e.code ?? e.data?.code ?? status ?? "network");
  if (status === undefined) return new DingTalkError("unavailable", "network");
  if (status === 429 || /qpslimit|throttl|flowcontrol/i.test(code)) return new DingTalkError("rateLimited", code, RATE_LIMIT_RETRY_SECONDS);
  if (status >= 500) return new DingTalkError("unavailable", code);
  return new DingTalkError("credentials", code);
}
