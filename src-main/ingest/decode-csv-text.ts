import iconv from 'iconv-lite';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** How much of a file is looked at to tell text from something else. */
const SNIFF_BYTES = 8192;

/**
 * Why `bytes` cannot be a football-data CSV file at all, in the user's terms, or undefined when
 * they look like text. Checked before decoding because a UTF-16 file or a workbook decodes
 * "successfully" as Latin-1 into nonsense that would fail later with a misleading message.
 */
export function notCsvReason(bytes: Uint8Array): string | undefined {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (sample.length === 0) return undefined;
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff) || looksLikeUtf16WithoutBom(sample)) {
    return 'UTF-16 text: this file is UTF-16; save it as CSV (comma delimited)';
  }
  if (sample[0] === 0x50 && sample[1] === 0x4b && sample[2] === 0x03 && sample[3] === 0x04) {
    return 'a ZIP archive or Excel workbook: not a CSV file; save it as CSV (comma delimited)';
  }
  if (sample[0] === 0xd0 && sample[1] === 0xcf && sample[2] === 0x11 && sample[3] === 0xe0) {
    return 'an old Excel workbook (.xls): not a CSV file; save it as CSV (comma delimited)';
  }
  let control = 0;
  for (const byte of sample) if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1a)) control += 1;
  // Text has none of these; a stray one or two (a damaged row) is reported at its line instead.
  if (control > sample.length * 0.05) return 'binary data: not a CSV file';
  const head = new TextDecoder('latin1').decode(sample.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'an HTML page: not a CSV file (was a web page saved instead of the file?)';
  return undefined;
}

/** ASCII text stored as UTF-16 has a zero byte in every other position. */
function looksLikeUtf16WithoutBom(sample: Uint8Array): boolean {
  if (sample.length < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  const pairs = Math.floor(sample.length / 2);
  return Math.max(evenZeros, oddZeros) > pairs * 0.3 && Math.min(evenZeros, oddZeros) < pairs * 0.05;
}

/**
 * Bytes of a football-data file as text. Recent files are UTF-8 (some with a BOM), older ones
 * were written in Windows Latin-1, where a byte like 0xE9 alone is not valid UTF-8. So: UTF-8
 * when the bytes are valid UTF-8, otherwise windows-1252 (the superset of ISO-8859-1 that
 * Windows tools actually write). A leading BOM is dropped either way.
 */
export function decodeCsvText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
