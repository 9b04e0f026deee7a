/** File kinds the registry files as contracts. */
const DOCUMENT_EXTENSIONS: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
};

export function extensionOf(name: string): string {
  const m = /\.([a-z0-9]{1,8})$/i.exec(name.trim());
  return m?.[1]?.toLowerCase() ?? '';
}

/** True for a PDF or Word file name. */
export function isDocumentName(name: string): boolean {
  return extensionOf(name) in DOCUMENT_EXTENSIONS;
}

export function mediaTypeOf(name: string): string | null {
  return DOCUMENT_EXTENSIONS[extensionOf(name)] ?? null;
}

/** The last path segment of a URL, decoded: the file name a link points to. */
export function fileNameFromUrl(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
