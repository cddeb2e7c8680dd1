// Writes the installed app's icons (public/icons/*.png) from the SVGs below
// (`npx tsx scripts/make-pwa-icons.ts`; no network: sharp ships with Next). Same mark as
// scripts/make-favicon.ts: the brand blue (brand-700, the header's colour) with a white check on
// a document. The maskable icon keeps the mark inside the middle 80 % (the safe zone Android's
// round/squircle masks never cut), on a full-bleed blue square.
import { mkdirSync, writeFileSync } from "node:fs";
import sharp from "sharp";

const BRAND_700 = "#174aa6";

/** The rounded tile, for launchers that show the icon as it is. */
const ANY = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="14" fill="${BRAND_700}"/>
  <rect x="16" y="10" width="32" height="44" rx="4" fill="#ffffff"/>
  <path d="M23 33l7 7 12-14" fill="none" stroke="${BRAND_700}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

/** Full-bleed square, the document scaled to 75 % around the centre (its corners stay inside the safe zone, a circle of 40 % radius). */
const MASKABLE = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" fill="${BRAND_700}"/>
  <g transform="translate(32 32) scale(0.75) translate(-32 -32)">
    <rect x="16" y="10" width="32" height="44" rx="4" fill="#ffffff"/>
    <path d="M23 33l7 7 12-14" fill="none" stroke="${BRAND_700}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>
  </g>
</svg>`;

const OUT = "public/icons";
mkdirSync(OUT, { recursive: true });
const render = (svg: string, size: number) => sharp(Buffer.from(svg), { density: 72 * (size / 64) }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();
for (const [name, svg, size] of [
  ["icon-192.png", ANY, 192],
  ["icon-512.png", ANY, 512],
  ["maskable-192.png", MASKABLE, 192],
  ["maskable-512.png", MASKABLE, 512],
  // iOS ignores the manifest's icons and uses this one (no transparency: iOS fills it black).
  ["apple-touch-icon.png", MASKABLE, 180],
] as const) {
  writeFileSync(`${OUT}/${name}`, await render(svg, size));
}
console.log(`wrote ${OUT}/`);
