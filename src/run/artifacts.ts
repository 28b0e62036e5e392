import { messageOf, systemCode } from '../errors.ts';
import { mkdir, open, realpath, rm } from 'node:fs/promises';
import { dirname, extname, join, relative, isAbsolute, sep } from 'node:path';
import type { OzClient } from '../oz/client.ts';
import { download } from '../oz/download.ts';
import type { Artifact, ArtifactDetail } from '../oz/types.ts';

/** At most this much per file, and in all: a run's artifacts must not fill the runner's disk. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 500 * 1024 * 1024;

export interface SaveOptions {
  userAgent: string;
  signal?: AbortSignal;
  maxFileBytes?: number;
  maxTotalBytes?: number;
  /** A file that could not be saved: a warning, never a failed step. */
  warn: (message: string) => void;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * Each part of a saved file's path, at most: file systems refuse a name over 255 bytes (ENAMETOOLONG),
 * and room is kept for the ` (99)` added to a name already taken and for the `.md` or `.webp` added after it.
 */
export const MAX_NAME_BYTES = 255 - 10;

/**
 * `name` in at most `maxBytes` of UTF-8, cut between characters, its extension kept when it is short
 * (`report.txt` stays a `.txt`).
 */
export function fitName(name: string, maxBytes: number = MAX_NAME_BYTES): string {
  if (Buffer.byteLength(name, 'utf8') <= maxBytes) return name;
  const ext = extname(name);
  const keep = ext.length > 1 && Buffer.byteLength(ext, 'utf8') <= 16 ? ext : '';
  let room = maxBytes - Buffer.byteLength(keep, 'utf8');
  let stem = '';
  for (const char of name.slice(0, name.length - keep.length)) {
    room -= Buffer.byteLength(char, 'utf8');
    if (room < 0) break;
    stem += char;
  }
  return stem + keep;
}

/**
 * A relative path made from a name the agent chose (`filepath`, `filename`): no absolute path, no
 * `..`, no drive letter, no characters a file system refuses. Undefined when nothing usable is left.
 */
export function safeRelativePath(name: string): string | undefined {
  const segments = name
    .replaceAll('\\', '/')
    .split('/')
    .map((s) => s.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim())
    .map((s) => fitName(s).trim())
    .filter((s) => s !== '' && s !== '.' && s !== '..' && !/^\.+$/.test(s))
    .map((s) => (WINDOWS_RESERVED.test(s) ? `_${s}` : s));
  return segments.length === 0 ? undefined : segments.join('/');
}

const EXTENSIONS: Record<string, string> = { 'image/png': '.png', 'image/jpeg': '.jpg', 'image/gif': '.gif', 'image/webp': '.webp' };

/** The file name an artifact is saved under, relative to the folder. */
function nameFor(detail: ArtifactDetail, listed: Artifact): string {
  const data = detail.data;
  const from = (value: unknown) => (typeof value === 'string' ? safeRelativePath(value) : undefined);
  if (detail.artifact_type === 'PLAN') {
    const title = from(data.title ?? listed.data?.title)?.replaceAll('/', '-');
    return `plans/${title ?? `plan-${detail.artifact_uid}`}.md`;
  }
  if (detail.artifact_type === 'SCREENSHOT') {
    return `screenshots/${safeRelativePath(detail.artifact_uid) ?? 'screenshot'}${EXTENSIONS[data.content_type ?? ''] ?? '.png'}`;
  }
  return from(data.filepath ?? listed.data?.filepath) ?? from(data.filename ?? listed.data?.filename) ?? `file-${detail.artifact_uid}`;
}

/** Whether `path` is inside `folder` (both absolute). */
function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * Opens a new file for `name` under `folder`, never outside it: the resolved path and the real path
 * of its directory (a symlink placed there earlier counts) must be inside the folder, and an existing
 * file is never overwritten (`name (2).ext` instead).
 */
async function createInside(folder: string, name: string) {
  const target = join(folder, name);
  if (!inside(folder, target)) throw new Error(`${name} would land outside the folder`);
  await mkdir(dirname(target), { recursive: true });
  const realFolder = await realpath(folder);
  const realDir = await realpath(dirname(target));
  if (realDir !== realFolder && !inside(realFolder, realDir)) throw new Error(`${name} would land outside the folder`);
  const ext = extname(target);
  for (let n = 1; n < 100; n++) {
    const path = n === 1 ? target : `${target.slice(0, target.length - ext.length)} (${n})${ext}`;
    try {
      return { path, file: await open(path, 'wx') };
    } catch (error) {
      if (systemCode(error) !== 'EEXIST') throw error;
    }
  }
  throw new Error(`too many files named ${name}`);
}

/**
 * Saves a run's FILE and SCREENSHOT artifacts (through their signed URLs, without the API key) and its
 * plans (as markdown) under `folder`, within the size caps. Returns the absolute paths written; what
 * could not be saved is a warning.
 */
export async function saveArtifacts(client: OzClient, artifacts: Artifact[], folder: string, options: SaveOptions): Promise<string[]> {
  const maxFile = options.maxFileBytes ?? MAX_FILE_BYTES;
  let budget = options.maxTotalBytes ?? MAX_TOTAL_BYTES;
  const written: string[] = [];
  await mkdir(folder, { recursive: true });
  for (const artifact of artifacts) {
    if (!['FILE', 'SCREENSHOT', 'PLAN'].includes(artifact.artifact_type)) continue;
    const data = artifact.data ?? {};
    const uid =
      typeof data.artifact_uid === 'string' ? data.artifact_uid : typeof data.document_uid === 'string' ? data.document_uid : undefined;
    const named = [data.filepath, data.filename, data.title, uid].find((v): v is string => typeof v === 'string');
    const label = `${artifact.artifact_type.toLowerCase()} ${named ?? ''}`.trim();
    if (uid === undefined) {
      options.warn(`Could not save the ${label}: the API gave no artifact id.`);
      continue;
    }
    if (typeof data.size_bytes === 'number' && data.size_bytes > Math.min(maxFile, budget)) {
      options.warn(`Did not save the ${label}: ${data.size_bytes} bytes is over the cap (${Math.min(maxFile, budget)} bytes left).`);
      continue;
    }
    let created: Awaited<ReturnType<typeof createInside>> | undefined;
    try {
      const detail = await client.getArtifact(uid, options.signal);
      created = await createInside(folder, nameFor(detail, artifact));
      let size: number;
      if (detail.artifact_type === 'PLAN') {
        const content = Buffer.from(detail.data.content ?? '', 'utf8');
        if (content.length > Math.min(maxFile, budget)) throw new Error(`${content.length} bytes is over the cap`);
        await created.file.write(content);
        size = content.length;
      } else {
        if (typeof detail.data.download_url !== 'string') throw new Error('the API gave no download URL');
        size = await download(detail.data.download_url, created.file, Math.min(maxFile, budget), options.userAgent, options.signal);
      }
      await created.file.close();
      budget -= size;
      written.push(created.path);
    } catch (error) {
      if (created) {
        await created.file.close().catch(() => {});
        await rm(created.path, { force: true });
      }
      options.warn(`Could not save the ${label}: ${messageOf(error)}.`);
    }
  }
  return written;
}
