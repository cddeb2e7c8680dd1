// POST /service/feedback — the enterprise's satisfaction or reopen, with number + tracking code.
// The body is a few fields of JSON: anything over the public form cap is refused unread (413).
import { handlePublicFeedback } from "@/lib/hotline/public";
import { PUBLIC_FORM_MAX_BYTES, route } from "@/lib/platform/read";

export const POST = route(
  { name: "request.publicFeedback", public: true, body: { maxBytes: PUBLIC_FORM_MAX_BYTES } },
  async ({ request }) => handlePublicFeedback(request),
);
