// Where to go after signing in. The callbackUrl comes from the query string, so anyone can
// write a link to the sign-in page with their own: it must never lead off this site.

/** Only same-site paths: an absolute or protocol-relative URL would be an open redirect. */
export function safeCallback(url: string | undefined): string {
  if (!url || !url.startsWith("/") || url.startsWith("/login")) return "/";
  // Browsers read "/\evil.example" (and tabs or newlines inside it) as "//evil.example": only a
  // path that stays on this origin once parsed the way a browser parses it may pass.
  if (/[\\\u0000-\u001f\u007f]/.test(url)) return "/";
  try {
    const parsed = new URL(url, "http://same.invalid");
    if (parsed.origin !== "http://same.invalid") return "/";
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return "/";
  }
}
