// Background work of the field shell (the work set's refresh, the service worker's install)
// waits until the page has loaded, a few seconds have passed and the main thread is idle: it
// never competes with the page itself or with the officer's first taps. On the officer home it
// was ≈ 160 ms of main thread (IndexedDB writes of the work set) right inside the window where
// a phone becomes interactive (issue 16's budget: Lighthouse mobile ≥ 90).
export function afterPageSettles(run: () => void, delayMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  let cancelled = false;
  const schedule = () => {
    timer = setTimeout(() => {
      if (cancelled) return;
      if (typeof requestIdleCallback === "function") idle = requestIdleCallback(() => run(), { timeout: 5_000 });
      else run();
    }, delayMs);
  };
  if (document.readyState === "complete") schedule();
  else window.addEventListener("load", schedule, { once: true });
  return () => {
    cancelled = true;
    window.removeEventListener("load", schedule);
    if (timer !== undefined) clearTimeout(timer);
    if (idle !== undefined && typeof cancelIdleCallback === "function") cancelIdleCallback(idle);
  };
}
