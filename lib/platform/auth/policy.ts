// The password policy's one number. Platform code (lib/platform/i18n/zod.ts: "至少 {min} 位")
// and the user module's schemas both read it, and a client form shows it, so it lives in a
// file with no server dependency (password.ts imports argon2).
export const PASSWORD_MIN_LENGTH = Number(process.env.NEXT_PUBLIC_PASSWORD_MIN_LENGTH ?? 10);
