// Stub (issue 16): the PWA work fills these in (the service worker's page cache).
/** Asks the service worker to fetch and keep these pages for offline use. */
export async function warmOfflinePages(_urls: string[]): Promise<void> {}
/** Drops every cached page (they hold the signed-in user's data). */
export async function clearOfflinePages(): Promise<void> {}
