// A local stand-in for DingTalk's open platform, playing the documented API closely enough to
// test the real client and SDK against it: the new API's access token (POST
// /v1.0/oauth2/accessToken {appKey, appSecret} → {accessToken, expireIn}; a wrong key or
// secret is HTTP 400 {code, message}), and the oapi calls that take ?access_token= — work
// notices (topapi/message/corpconversation/asyncsend_v2) and the 免登 code exchange
// (topapi/v2/user/getuserinfo) — answering HTTP 200 { errcode, errmsg, … } as DingTalk does.
// A test scripts the next answers (a 5xx, flow control, an unknown userid), expires the tokens
// it issued, and reads the requests it received.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeRequest = { path: string; accessToken: string | null; body: Record<string, unknown> };

/** One scripted answer: an HTTP failure, or a DingTalk errcode on HTTP 200. */
export type FakeAnswer = { status: number; body?: unknown } | { errcode: number; errmsg?: string; sub_code?: string };

type Route = "asyncsend" | "getuserinfo" | "token";

export type FakeDingTalk = {
  /** http://127.0.0.1:<port>: both DINGTALK_API_ENDPOINT and DINGTALK_OAPI_ENDPOINT. */
  url: string;
  appKey: string;
  appSecret: string;
  agentId: string;
  requests: FakeRequest[];
  /** Members of the organisation: only these userids receive work notices. */
  members: Set<string>;
  /** 免登 codes issued to members: code → userid (each usable once, as in DingTalk). */
  codes: Map<string, string>;
  /** The next calls of `route` get these answers, in order, instead of the normal one. */
  script(route: Route, ...answers: FakeAnswer[]): void;
  /** Every token issued so far expires now: the next call with one gets errcode 42001. */
  expireTokens(): void;
  /** Tokens issued so far. */
  tokensIssued(): number;
  sent(): FakeRequest[];
  close(): Promise<void>;
};

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = "";
  for await (const chunk of req) raw += chunk;
  try {
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return { __invalidJson: raw };
  }
}

export async function startFakeDingTalk(options: { appKey?: string; appSecret?: string; agentId?: string } = {}): Promise<FakeDingTalk> {
  const appKey = options.appKey ?? "ding-fake-app-key";
  const appSecret = options.appSecret ?? "fake-app-secret-0123456789";
  const agentId = options.agentId ?? "3210987654";
  const requests: FakeRequest[] = [];
  const scripted: Record<Route, FakeAnswer[]> = { asyncsend: [], getuserinfo: [], token: [] };
  const valid = new Set<string>();
  const expired = new Set<string>();
  let issued = 0;
  let taskId = 700_000_000;
  const members = new Set<string>();
  const codes = new Map<string, string>();

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const body = await readJson(req);
    const accessToken = url.searchParams.get("access_token");
    requests.push({ path: url.pathname, accessToken, body });
    const json = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json;charset=utf-8" });
      res.end(JSON.stringify(payload));
    };
    const answer = (route: Route): boolean => {
      const next = scripted[route].shift();
      if (!next) return false;
      if ("status" in next) json(next.status, next.body ?? { code: "ServiceUnavailable", message: "服务暂不可用" });
      else json(200, { errmsg: "scripted", ...next });
      return true;
    };
    // oapi: the token must be one this server issued and not expired.
    const tokenRefused = () => {
      if (!accessToken) return { errcode: 41001, errmsg: "缺少access_token参数" };
      if (expired.has(accessToken)) return { errcode: 42001, errmsg: "access_token超时" };
      if (!valid.has(accessToken)) return { errcode: 40014, errmsg: "不合法的access_token" };
      return null;
    };

    if (req.method !== "POST") return json(405, { errcode: 404, errmsg: "请求的URI地址不存在" });

    if (url.pathname === "/v1.0/oauth2/accessToken") {
      if (answer("token")) return;
      if (body.appKey !== appKey || body.appSecret !== appSecret) {
        return json(400, { code: "invalidClientIdOrSecret", message: "无效的clientId或者clientSecret", requestid: "fake" });
      }
      const token = `fake-token-${++issued}`;
      valid.add(token);
      return json(200, { accessToken: token, expireIn: 7200 });
    }

    if (url.pathname === "/topapi/message/corpconversation/asyncsend_v2") {
      const refused = tokenRefused();
      if (refused) return json(200, refused);
      if (answer("asyncsend")) return;
      const msg = body.msg as { msgtype?: string; markdown?: { title?: string; text?: string }; action_card?: { title?: string; markdown?: string; single_title?: string; single_url?: string } } | undefined;
      const shapeOk =
        String(body.agent_id) === agentId &&
        typeof body.userid_list === "string" && body.userid_list !== "" &&
        !!msg && (
          (msg.msgtype === "markdown" && !!msg.markdown?.title && !!msg.markdown?.text) ||
          (msg.msgtype === "action_card" && !!msg.action_card?.title && !!msg.action_card?.markdown && !!msg.action_card?.single_title && !!msg.action_card?.single_url)
        );
      if (!shapeOk) return json(200, { errcode: 40035, errmsg: "缺少参数" });
      const users = (body.userid_list as string).split(",");
      if (users.some((u) => !members.has(u))) return json(200, { errcode: 33012, errmsg: "无效的USERID" });
      return json(200, { errcode: 0, errmsg: "ok", task_id: ++taskId, request_id: `req-${taskId}` });
    }

    if (url.pathname === "/topapi/v2/user/getuserinfo") {
      const refused = tokenRefused();
      if (refused) return json(200, refused);
      if (answer("getuserinfo")) return;
      const userid = typeof body.code === "string" ? codes.get(body.code) : undefined;
      if (!userid) return json(200, { errcode: 40078, errmsg: "不存在的临时授权码" });
      codes.delete(body.code as string);
      return json(200, { errcode: 0, errmsg: "ok", result: { userid, device_id: "fake-device", sys: false, name: "钉钉用户" }, request_id: "fake" });
    }

    return json(404, { errcode: 404, errmsg: "请求的URI地址不存在" });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    appKey,
    appSecret,
    agentId,
    requests,
    members,
    codes,
    script(route, ...answers) {
      scripted[route].push(...answers);
    },
    expireTokens() {
      for (const t of valid) expired.add(t);
      valid.clear();
    },
    tokensIssued: () => issued,
    sent: () => requests.filter((r) => r.path === "/topapi/message/corpconversation/asyncsend_v2"),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The settings (environment) that point the app's DingTalk client at the fake. */
export function fakeDingTalkEnv(fake: FakeDingTalk, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DINGTALK_APP_KEY: fake.appKey,
    DINGTALK_APP_SECRET: fake.appSecret,
    DINGTALK_AGENT_ID: fake.agentId,
    DINGTALK_CORP_ID: "ding-fake-corp",
    DINGTALK_API_ENDPOINT: fake.url,
    DINGTALK_OAPI_ENDPOINT: fake.url,
    APP_URL: "https://zlzxt.example.gov.cn",
    ...extra,
  };
}
