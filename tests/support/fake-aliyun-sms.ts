// A local stand-in for Aliyun's SMS API (dysmsapi, SendSms 2017-05-25) as the official SDK
// calls it: POST / with the operation's parameters in the query string, x-acs-action /
// x-acs-version headers and a V3 signature (Authorization: ACS3-HMAC-SHA256 Credential=<key id>,
// SignedHeaders=…, Signature=…), checked here with the secret as Aliyun documents it
// ("V3版本请求体&签名机制"). Answers as Aliyun does: HTTP 200 with Code "OK" and a BizId, or with
// an isv./isp. error code; HTTP 4xx for a bad key or signature; scripted HTTP 500s.
import { createHash, createHmac, randomInt } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeSmsAnswer = "ok" | "flowControl" | "invalidNumber" | "http500";

export type FakeSmsRequest = {
  accessKeyId: string;
  phoneNumbers: string;
  signName: string;
  templateCode: string;
  templateParam: Record<string, unknown>;
  outId: string | null;
  answer: FakeSmsAnswer | "refused";
  bizId: string | null;
};

export type FakeAliyunSms = {
  /** For ALIYUN_SMS_ENDPOINT: http://127.0.0.1:<port>. */
  endpoint: string;
  /** Every SendSms call that passed the signature check, in order (with its answer). */
  requests: FakeSmsRequest[];
  /** Calls refused before SendSms ran (bad key, bad signature, malformed request), with why. */
  refused: string[];
  /** The next calls' answers, in order; then "ok" again. */
  script(...answers: FakeSmsAnswer[]): void;
  /** Only the requests that were answered OK (the messages Aliyun would have sent). */
  sent(): FakeSmsRequest[];
  reset(): void;
  close(): Promise<void>;
};

type Keys = { accessKeyId: string; accessKeySecret: string; signName: string };

// The documented percent-encoding of the V3 canonical query string (RFC 3986, space as %20).
function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

function header(req: IncomingMessage, name: string): string {
  const v = req.headers[name];
  return (Array.isArray(v) ? v.join(",") : v ?? "").trim();
}

/** Why the request's signature does not hold, or null when it does. */
function checkSignature(req: IncomingMessage, url: URL, body: Buffer, keys: Keys): string | null {
  const auth = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(header(req, "authorization"));
  if (!auth) return "InvalidAuthorization";
  const [, keyId, signedHeaders, signature] = auth;
  if (keyId !== keys.accessKeyId) return "InvalidAccessKeyId.NotFound";
  const payloadHash = header(req, "x-acs-content-sha256");
  if (payloadHash !== sha256(body)) return "ContentSha256Mismatch";
  const names = signedHeaders!.split(";");
  if (!names.includes("host") || !names.includes("x-acs-action") || !names.includes("x-acs-date")) return "SignedHeadersIncomplete";
  const canonicalQuery = [...url.searchParams.keys()].sort().map((k) => `${encode(k)}=${encode(url.searchParams.get(k) ?? "")}`).join("&");
  const canonicalHeaders = names.map((n) => `${n}:${header(req, n)}\n`).join("");
  const canonicalRequest = [req.method, url.pathname, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join("\n");
  const expected = createHmac("sha256", keys.accessKeySecret).update(`ACS3-HMAC-SHA256\n${sha256(canonicalRequest)}`).digest("hex");
  return expected === signature ? null : "SignatureDoesNotMatch";
}

function reply(res: ServerResponse, status: number, body: Record<string, unknown>) {
  res.writeHead(status, { "content-type": "application/json;charset=utf-8" });
  res.end(JSON.stringify({ RequestId: `FAKE-${randomInt(1e9)}`, ...body }));
}

export async function startFakeAliyunSms(keys: Keys): Promise<FakeAliyunSms> {
  const requests: FakeSmsRequest[] = [];
  const refused: string[] = [];
  let queue: FakeSmsAnswer[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? "/", "http://fake");
      const refuse = (status: number, code: string) => {
        refused.push(code);
        reply(res, status, { Code: code, Message: `fake refused: ${code}` });
      };
      if (req.method !== "POST" || url.pathname !== "/") return refuse(404, "InvalidAction.NotFound");
      if (header(req, "x-acs-action") !== "SendSms" || header(req, "x-acs-version") !== "2017-05-25") return refuse(404, "InvalidAction.NotFound");
      const why = checkSignature(req, url, body, keys);
      if (why) return refuse(why === "InvalidAccessKeyId.NotFound" ? 404 : 400, why);

      const q = (k: string) => url.searchParams.get(k) ?? "";
      let templateParam: Record<string, unknown> = {};
      try {
        templateParam = q("TemplateParam") ? (JSON.parse(q("TemplateParam")) as Record<string, unknown>) : {};
      } catch {
        return reply(res, 200, { Code: "isv.INVALID_JSON_PARAM", Message: "JSON参数不合法，只接受字符串值" });
      }
      const answer = queue.shift() ?? "ok";
      const record: FakeSmsRequest = {
        accessKeyId: keys.accessKeyId, phoneNumbers: q("PhoneNumbers"), signName: q("SignName"), templateCode: q("TemplateCode"),
        templateParam, outId: url.searchParams.get("OutId"), answer, bizId: null,
      };
      requests.push(record);

      if (answer === "http500") return reply(res, 500, { Code: "InternalError", Message: "The request processing has failed due to some unknown error." });
      if (!/^1\d{10}(,1\d{10})*$/.test(record.phoneNumbers) || answer === "invalidNumber") {
        record.answer = "invalidNumber";
        return reply(res, 200, { Code: "isv.MOBILE_NUMBER_ILLEGAL", Message: `非法手机号 ${record.phoneNumbers}` });
      }
      if (record.signName !== keys.signName) return reply(res, 200, { Code: "isv.SMS_SIGNATURE_ILLEGAL", Message: "该账号下找不到对应签名" });
      if (!/^SMS_\d+$/.test(record.templateCode)) return reply(res, 200, { Code: "isv.SMS_TEMPLATE_ILLEGAL", Message: "该账号下找不到对应模板" });
      if (Object.values(templateParam).some((v) => typeof v !== "string")) return reply(res, 200, { Code: "isv.INVALID_JSON_PARAM", Message: "JSON参数不合法，只接受字符串值" });
      if (answer === "flowControl") return reply(res, 200, { Code: "isv.BUSINESS_LIMIT_CONTROL", Message: "触发号码天级流控Permits:10" });
      record.bizId = `${randomInt(1e9)}${randomInt(1e9)}^0`;
      return reply(res, 200, { Code: "OK", Message: "OK", BizId: record.bizId });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    refused,
    script: (...answers) => void queue.push(...answers),
    sent: () => requests.filter((r) => r.answer === "ok" && r.bizId),
    reset: () => {
      requests.length = 0;
      refused.length = 0;
      queue = [];
    },
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
