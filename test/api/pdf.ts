import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One page of a PDF as a reader gets it back: its size in points and its text (whitespace removed, lines joined). */
export interface PdfPage {
  width: number;
  height: number;
  text: string;
}

/** A4 in PostScript points (210 × 297 mm). */
export const A4 = { width: 595.28, height: 841.89 };

/**
 * Parses a PDF back with pdf.js (Mozilla's reader): every page's size and extracted text, and the fonts it embeds
 * (`/BaseFont /ABCDEF+Name`: a subset carries a six-letter tag before its name).
 */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: PdfPage[]; text: string; fonts: string[]; title: string | undefined }> {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (head !== '%PDF-') throw new Error(`not a PDF: starts with ${JSON.stringify(head)}`);
  const fonts = [...new Set([...Buffer.from(bytes).toString('latin1').matchAll(/\/BaseFont\s*\/([A-Za-z0-9+_-]+)/g)].map((m) => m[1]!))];
  const file = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= file.numPages; n++) {
    const page = await file.getPage(n);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    pages.push({ width: x1 - x0, height: y1 - y0, text: content.items.map((item) => ('str' in item ? item.str : '')).join('').replace(/\s+/g, '') });
  }
  const { info } = await file.getMetadata();
  await file.destroy();
  return { pages, text: pages.map((p) => p.text).join(''), fonts, title: (info as { Title?: string }).Title };
}
