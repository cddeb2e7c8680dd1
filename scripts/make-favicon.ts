// Writes app/favicon.ico from the SVG below (`npx tsx scripts/make-favicon.ts`; needs no
// network: sharp ships with Next). Only the .ico is served: /favicon.ico is the one static
// path the proxy leaves alone (proxy.ts), so signed-out pages (/login, /service) get it too,
// where an app/icon.svg would be answered with a redirect to /login.
// The mark: the brand blue tile with a white check on a document, for 专项 work done and tracked.
import { writeFileSync } from "node:fs";
import sharp from "sharp";

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="14" fill="#174aa6"/>
  <rect x="16" y="10" width="32" height="44" rx="4" fill="#ffffff"/>
  <path d="M23 33l7 7 12-14" fill="none" stroke="#174aa6" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const SIZES = [16, 32, 48];

/** An ICO file whose images are PNGs (read by every browser and by Windows since Vista). */
function ico(pngs: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  const entries = Buffer.alloc(16 * pngs.length);
  let offset = header.length + entries.length;
  pngs.forEach(({ size, data }, i) => {
    const e = i * 16;
    entries.writeUInt8(size % 256, e); // 0 means 256
    entries.writeUInt8(size % 256, e + 1);
    entries.writeUInt8(0, e + 2); // no palette
    entries.writeUInt8(0, e + 3);
    entries.writeUInt16LE(1, e + 4); // colour planes
    entries.writeUInt16LE(32, e + 6); // bits per pixel
    entries.writeUInt32LE(data.length, e + 8);
    entries.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, entries, ...pngs.map((p) => p.data)]);
}

const pngs = await Promise.all(SIZES.map(async (size) => ({ size, data: await sharp(Buffer.from(SVG), { density: 72 * (size / 64) * 4 }).resize(size, size).png().toBuffer() })));
writeFileSync(new URL("../app/favicon.ico", import.meta.url), ico(pngs));
console.log(`app/favicon.ico: ${SIZES.join(", ")} px`);
