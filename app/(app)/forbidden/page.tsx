import { forbidden } from "next/navigation";

// Older links to the refusal page get the same answer as the refusal itself: 403.
export default function ForbiddenPage(): never {
  forbidden();
}
