// Files kept outside the database (import uploads, visit photos), behind a tiny interface so
// a deployment can swap the local folder for object storage. Keys are relative paths made of
// safe segments ("imports/<userId>/<uuid>"); nothing user-typed becomes a path unchecked.
import "server-only";
import { mkdir, readFile, readdir, rm, stat, writeFile, rename } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";

export interface Storage {
  put(key: string, data: Buffer | Uint8Array): Promise<void>;
  /** The stored bytes, or null when there is no such file. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
  /**
   * Every stored key under `prefix` (a folder: "imports/<userId>"), with when it was last
   * written, for housekeeping (abandoned uploads). Object stores list the same way (S3
   * ListObjectsV2: Key, LastModified).
   */
  list(prefix: string): AsyncIterable<{ key: string; modifiedAt: Date }>;
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
    async *list(prefix) {
      const dir = fileOf(prefix);
      let entries;
      try {
        entries = await readdir(dir, { recursive: true, withFileTypes: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
        throw e;
      }
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        const file = path.join(entry.parentPath, entry.name);
        const modifiedAt = await stat(file).then((s) => s.mtime, () => null);
        if (modifiedAt) yield { key: path.relative(root, file).split(path.sep).join("/"), modifiedAt };
      }
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
