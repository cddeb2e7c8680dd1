// The web app manifest (/manifest.webmanifest, linked by Next on every page): what makes the app
// installable on an officer's phone (issue 16). zh-CN only: the installed name is the
// programme's name, and a manifest cannot follow the language cookie. Served signed out
// (proxy.ts leaves it alone): browsers fetch it without credentials.
import type { MetadataRoute } from "next";

/** brand-700 (app/globals.css), the header's colour (app/layout.tsx's themeColor too). */
const BRAND_700 = "#174aa6";

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "浙里专项通",
    short_name: "专项通",
    description: "浙江省基层专项工作跟踪：民情双访、问题办理、进度统计",
    lang: "zh-CN",
    dir: "ltr",
    // The officer's home (their visits due and problems); signed out, it sends them to /login.
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    theme_color: BRAND_700,
    background_color: "#ffffff",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
