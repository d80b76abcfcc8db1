import iconv from 'iconv-lite';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

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
