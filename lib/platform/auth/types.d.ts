import type { Role } from "@/lib/platform/authz/permissions";

declare module "@auth/core/jwt" {
  interface JWT {
    role: Role;
    orgUnitId: string;
    /** sessionVersion of the user when the token was issued. */
    sv: number;
    /** Epoch seconds of sign-in, for the absolute session lifetime. */
    authTime: number;
    /** Id of this sign-in, for revocation at sign-out. */
    sid: string;
  }
}

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      name?: string | null;
      role: Role;
      orgUnitId: string;
      sv: number;
      sid: string;
      authTime: number;
    };
  }
}
