// POST /service/submit — the public intake (no login; Origin-checked, rate-limited, audited).
// The body is a few fields of JSON: anything over the public form cap is refused unread (413).
import { handlePublicIntake } from "@/lib/hotline/public";
import { PUBLIC_FORM_MAX_BYTES, route } from "@/lib/platform/read";

export const POST = route(
  { name: "request.publicIntake", public: true, body: { maxBytes: PUBLIC_FORM_MAX_BYTES } },
  async ({ request }) => handlePublicIntake(request),
);
