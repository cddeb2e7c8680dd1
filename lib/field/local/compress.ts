// Photos on a weak link (issue 16): shrunk in the browser before they are stored or sent — long
// side ≤ 1600 px, about 0.3 MB, JPEG (WebP stays WebP). A phone's 4–8 MB photo would otherwise
// take minutes on a village's 3G and fill the device's outbox.
import imageCompression from "browser-image-compression";

export const PHOTO_MAX_SIDE = 1600;
export const PHOTO_TARGET_MB = 0.3;

/**
 * The compressed photo, or the original when it cannot be decoded here (the server still checks
 * its bytes and size). useWebWorker: false — the library's worker loads its script from a CDN,
 * which neither the CSP nor the officers' network allows; the main thread does it in well under
 * a second per photo.
 */
export async function compressPhoto(file: File): Promise<File> {
  try {
    const type = file.type === "image/webp" ? "image/webp" : "image/jpeg";
    const out = await imageCompression(file, {
      maxWidthOrHeight: PHOTO_MAX_SIDE,
      maxSizeMB: PHOTO_TARGET_MB,
      useWebWorker: false,
      fileType: type,
      initialQuality: 0.8,
    });
    const name = type === "image/jpeg" ? file.name.replace(/\.(png|jpe?g|webp)$/i, "") + ".jpg" : file.name;
    // Never bigger than what the officer picked (a small PNG can grow as a JPEG).
    return out.size < file.size ? new File([out], name, { type }) : file;
  } catch {
    return file;
  }
}
