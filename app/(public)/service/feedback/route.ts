// POST /service/feedback — the enterprise's satisfaction or reopen, with number + tracking code.
import { handlePublicFeedback } from "@/lib/hotline/public";

export async function POST(request: Request) {
  return handlePublicFeedback(request);
}
