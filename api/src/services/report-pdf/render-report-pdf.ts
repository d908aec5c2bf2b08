import type { Locale, ReportDocument } from '@kuaibao/domain';
import PDFDocument from 'pdfkit';
import type { CjkFonts } from './cjk-fonts';

const MM = 72 / 25.4;
/**
 * A4 as GB/T 9704-2012 (党政机关公文格式) lays a page out: 天头 37 mm, 订口 28 mm, a type area of 156 × 225 mm; body in
 * 3号 (16 pt) at 22 lines a page, masthead and rule in red. Noto Sans Hans stands in for 仿宋/小标宋, which no
 * freely licensed package ships.
 */
const PAGE = { size: 'A4', top: 37 * MM, left: 28 * MM, width: 156 * MM, height: 225 * MM } as const;
const BODY_PT = 16;
/** 225 mm ÷ 22 lines = 29.4 pt a line; Noto Sans CJK's own line is 1.448 em. */
const LINE_GAP = (225 * MM) / 22 - BODY_PT * 1.448;
const RED = '#c8102e';
const BLACK = '#000000';

const ZH_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 一、二、… 十、十一、 … (公文 first-level headings); 1. 2. … in English. */
export function sectionNumber(n: number, locale: Locale): string {
  if (locale === 'en') return `${n}. `;
  const tens = Math.floor(n / 10);
  const word = n <= 10 ? ZH_NUMERALS[n] : `${tens > 1 ? ZH_NUMERALS[tens] : ''}十${ZH_NUMERALS[n % 10]}`;
  return `${word}、`;
}

/**
 * The document as an A4 PDF (pdfkit, docs/adr/0042). pdfkit embeds each font as a subset of the glyphs the page uses
 * (fontkit), so the 8 MB OTFs become tens of kilobytes. Pages are numbered 「－ n －」 at the foot, as 公文 are.
 */
export async function renderReportPdf(doc: ReportDocument, fonts: CjkFonts, locale: Locale): Promise<Buffer> {
  const colon = locale === 'en' ? ': ' : '：';
  const pdf = new PDFDocument({
    size: PAGE.size,
    margins: { top: PAGE.top, left: PAGE.left, right: 595.28 - PAGE.left - PAGE.width, bottom: 841.89 - PAGE.top - PAGE.height },
    bufferPages: true,
    lang: locale,
    displayTitle: true,
    info: { Title: `${doc.title}（${doc.kindLabel}）${doc.meta[0]?.text ?? ''}`, Author: doc.unit.text, Creator: 'kuaibao 快报' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  pdf.registerFont('regular', fonts.regular);
  pdf.registerFont('bold', fonts.bold);
  const left = PAGE.left;
  const width = PAGE.width;

  // 版头: the title in red, the kind beneath, 报送单位 left and 签发人 right, a red rule
  pdf.font('bold').fontSize(26).fillColor(RED).text(doc.title, { align: 'center', width });
  pdf.font('regular').fontSize(BODY_PT).text(`（${doc.kindLabel}）`, { align: 'center', width });
  pdf.moveDown(0.6).fillColor(BLACK).fontSize(14);
  const y = pdf.y;
  const signerLabel = `${doc.signer.label}${colon}`;
  const labelWidth = pdf.font('bold').widthOfString(signerLabel);
  const signerX = left + width - labelWidth - pdf.font('regular').widthOfString(doc.signer.text);
  pdf.text(`${doc.unit.label}${colon}${doc.unit.text}`, left, y, { width: signerX - left - 14, align: 'left' });
  const afterUnit = pdf.y;
  pdf.font('bold').text(signerLabel, signerX, y, { lineBreak: false });
  pdf.font('regular').text(doc.signer.text, signerX + labelWidth, y, { lineBreak: false });
  pdf.y = afterUnit + 6;
  pdf.moveTo(left, pdf.y).lineTo(left + width, pdf.y).lineWidth(1.5).strokeColor(RED).stroke();
  pdf.y += 8;
  pdf.fontSize(12).fillColor(BLACK);
  for (const m of doc.meta) pdf.text(`${m.label}${colon}${m.text}`, left, pdf.y, { width });

  // the incident's title, a notice if the report is not (or no longer) an official one
  pdf.moveDown(1).font('bold').fontSize(20).text(doc.headline, { align: 'center', width });
  pdf.moveDown(0.5);
  if (doc.notice) pdf.font('regular').fontSize(13).fillColor(RED).text(doc.notice, { width }).fillColor(BLACK).moveDown(0.5);

  // the elements: 一、时间：…, each heading in bold, the text run on after it
  pdf.fontSize(BODY_PT);
  doc.sections.forEach((section, i) => {
    pdf.font('bold').text(`${sectionNumber(i + 1, locale)}${section.label}${colon}`, { width, lineGap: LINE_GAP, indent: BODY_PT * 2, continued: true });
    pdf.font('regular').text(section.text, { width, lineGap: LINE_GAP });
  });
  pdf.moveDown(1).font('regular').text(doc.contact.map((c) => `${c.label}${colon}${c.text}`).join('    '), { width, lineGap: LINE_GAP, indent: BODY_PT * 2 });

  // page numbers at the foot, in the margin (its bottom margin set aside while writing there)
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font('regular').fontSize(14).fillColor(BLACK).text(`－ ${i + 1} －`, left, PAGE.top + PAGE.height + 7 * MM, { width, align: 'center', lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}
