import type { BillingClient } from '../../client/billing-client.js';

/** Saves a blob as a file through a temporary link (the one way that works in every browser). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Opens or saves a document through the client, so it carries the client's credentials (a plain link would arrive
 * without the bearer token). Call it inside the click: a tab to view the file is opened at once, before the download,
 * so no popup blocker stops it; it shows the file when the download is done, and closes if it fails.
 */
export async function fetchDocument(
  client: BillingClient,
  url: string,
  action: 'view' | 'download',
  filename: string,
): Promise<void> {
  const tab = action === 'view' ? window.open('', '_blank') : null;
  if (tab) tab.opener = null;
  try {
    const blob = await client.download(url);
    if (action === 'download') saveBlob(blob, filename);
    else if (tab) tab.location.href = URL.createObjectURL(blob);
  } catch (error) {
    tab?.close();
    throw error;
  }
}
