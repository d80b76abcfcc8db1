import { createReadStream } from 'node:fs';
import { DEFAULT_MAX_FILE_BYTES, tooLargeDetails, type CsvLimits } from './football-data-csv';
import { ImportError } from './import-error';

export type ReadSeasonFile = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly error: string };

/**
 * Read a local season file as a stream that stops at the size limit: a 200 MB file (or a
 * device that never ends) costs at most the limit in memory, never its whole size, and is
 * refused with the same message the parser gives. Errors are values naming the file.
 */
export async function readSeasonFile(file: string, limits: CsvLimits = {}): Promise<ReadSeasonFile> {
  const maxFileBytes = limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).byteLength;
      if (size > maxFileBytes) {
        stream.destroy();
        return { ok: false, error: new ImportError({ file, ...tooLargeDetails('unread rest', maxFileBytes) }).message };
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file}: is a folder, not a file` : `${file}: cannot read: ${(error as Error).message}` };
  }
  return { ok: true, bytes: new Uint8Array(Buffer.concat(chunks, size)) };
}
