"use client";
// Whether this component has hydrated: false in the server's HTML and during hydration, true
// from the first render after. A form whose submit is ours (react-hook-form, a server action)
// keeps its button disabled until then: a tap before the JavaScript ran posted the page to
// itself, which rendered it again empty — everything typed lost, and the user still on the
// form (seen as a flaky e2e: a password change clicked right after navigation stayed on
// /account/password). What is typed before hydration stays in the fields (React and
// react-hook-form keep it; e2e/visit-form.phone.spec.ts checks). The sign-in form is not one
// of these: it posts natively and works without JavaScript.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
