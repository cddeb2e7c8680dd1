// The app's link: next/link without viewport prefetch unless a caller asks for it.
//
// Next prefetches every link that scrolls into view. This app has no loading boundary (decision
// 0012), so for its dynamic pages a prefetch brings only the shared layout the browser already
// holds — yet each one is a server render: a manager's list page set off 8–25 of them on every
// load (measured: /registers/households 25, /rankings 17), and on an officer's weak link they
// competed with the page itself (issue 16's budget, decision 0023). The page is fetched on the
// tap instead; NavLink shows it pending.
import NextLink from "next/link";
import type { ComponentProps } from "react";

export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
