/// <reference types="office-js" />
import type { ExportProgress } from './document-host';

/** Slices of 64 KiB: Office's default is 4 MiB, which blocks the pane without progress on big files. */
export const SLICE_SIZE = 64 * 1024;

function call<T>(start: (done: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start((result) => {
      if (String(result.status) === 'succeeded') resolve(result.value);
      else reject(new Error(result.error?.message ?? 'Office could not complete the request.'));
    });
  });
}

/**
 * Reads the open document as .docx bytes, slice by slice. Office keeps one exported file open per
 * document, so the file is always closed, also when a slice fails.
 */
export async function exportCompressedFile(
  document: Office.Document,
  onProgress?: (p: ExportProgress) => void,
  sliceSize = SLICE_SIZE,
): Promise<Uint8Array> {
  const file = await call<Office.File>((done) =>
    document.getFileAsync('compressed' as unknown as Office.FileType, { sliceSize }, done),
  );
  try {
    const total = file.sliceCount;
    const parts: Uint8Array[] = [];
    let size = 0;
    onProgress?.({ done: 0, total });
    for (let i = 0; i < total; i++) {
      // Slices must be read one after the other: Office answers them in order only.
      const slice = await call<Office.Slice>((done) => file.getSliceAsync(i, done));
      const bytes = new Uint8Array(slice.data as ArrayLike<number>);
      parts.push(bytes);
      size += bytes.length;
      onProgress?.({ done: i + 1, total });
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  } finally {
    await new Promise<void>((resolve) => file.closeAsync(() => resolve()));
  }
}
