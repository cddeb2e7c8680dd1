"use client";
// Last resort when the root layout itself fails: no providers, so plain bilingual text.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: 32, textAlign: "center" }}>
        <h1>出错了 · Something went wrong</h1>
        {error.digest ? <p style={{ fontFamily: "monospace", color: "#64748b" }}>{error.digest}</p> : null}
        <button type="button" onClick={reset} style={{ padding: "10px 16px" }}>重试 · Try again</button>
      </body>
    </html>
  );
}
