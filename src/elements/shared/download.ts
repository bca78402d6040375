/**
 * Hands text to the browser as a file: a Blob behind an object URL on a detached link, so no
 * markup is built from the data and a strict CSP is fine. Spreadsheets read UTF-8 CSV correctly
 * only with a byte-order mark, so CSV gets one.
 */
export function downloadText(filename: string, text: string, type = 'text/csv'): void {
  const bom = type.startsWith('text/csv') ? '\uFEFF' : '';
  const url = URL.createObjectURL(new Blob([bom, text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.click();
  // The click starts the download synchronously; the URL can go once this task ends.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from an id (an email id, say): nothing a file system or a download dialog trips on. */
export function fileName(id: string, suffix: string): string {
  const stem =
    id
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'email';
  return `${stem}${suffix}`;
}
