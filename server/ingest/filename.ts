/**
 * A file name as given by a client, made safe to store and to show: no directories (`../`, `C:\`),
 * no control characters, at most 200 characters, never empty. Chinese names are kept as they are.
 */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const printable = [...base]
    .filter((ch) => ch >= ' ' && ch !== '\u007f' && !'"<>|*?:'.includes(ch))
    .join('');
  const cleaned = printable.replace(/^\.+/, '').trim();
  const limited = [...cleaned].slice(-200).join('');
  return limited || 'document';
}

/** `Content-Disposition` that keeps non-ASCII (Chinese) names, with an ASCII fallback (RFC 6266/5987). */
export function contentDisposition(filename: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
