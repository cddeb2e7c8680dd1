// Files kept outside the database (import uploads, visit photos), behind a tiny interface so
// a deployment can swap the local folder for object storage. Keys are relative paths made of
// safe segments ("imports/<userId>/<uuid>"); nothing user-typed becomes a path unchecked.
import "server-only";
import { mkdir, readFile, rm, writeFile, rename } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";

export interface Storage {
  put(key: string, data: Buffer | Uint8Array): Promise<void>;
  /** The stored bytes, or null when there is no such file. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export function assertStorageKey(key: string): string[] {
  const parts = key.split("/");
  if (parts.length === 0 || parts.length > 8 || !parts.every((p) => SEGMENT.test(p) && p !== "." && p !== "..")) {
    throw new Error(`invalid storage key: ${key}`);
  }
  return parts;
}

/** Local-disk storage under `root` (STORAGE_DIR, default .data/storage). */
export function diskStorage(root: string): Storage {
  const fileOf = (key: string) => path.join(root, ...assertStorageKey(key));
  return {
    async put(key, data) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const tmp = `${file}.${randomUUID()}.tmp`;
      await writeFile(tmp, data);
      await rename(tmp, file);
    },
    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw e;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}

export function storageRoot(): string {
  return path.resolve(process.env.STORAGE_DIR || ".data/storage");
}

/** The app's storage (read per call so tests may point STORAGE_DIR elsewhere). */
export function storage(): Storage {
  return diskStorage(storageRoot());
}
