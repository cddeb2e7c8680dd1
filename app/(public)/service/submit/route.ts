// POST /service/submit — the public intake (no login; Origin-checked, rate-limited, audited).
import { handlePublicIntake } from "@/lib/hotline/public";

export async function POST(request: Request) {
  return handlePublicIntake(request);
}
