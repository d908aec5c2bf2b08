import { describe, expect, it } from 'vitest';
import { shownStatus, statusLine } from './report-status';

const kinds: Record<string, string> = { phone: '电话报告', first: '首报', follow_up: '续报', final: '终报' };
const statuses: Record<string, string> = { received: '已签收', awaitingReceipt: '待签收', verifying: '核实中' };
const line = (reports: Parameters<typeof statusLine>[0]) => statusLine(reports, (k) => kinds[k]!, (s) => statuses[s]!);
const acknowledged = { acknowledgedAt: '2026-12-06T03:00:00Z' };
const pending = { acknowledgedAt: null };

describe('the status a dossier shows', () => {
  it('a report some recipient has not acknowledged is 待签收, as its receipt card says', () => {
    // given a phone report whose city duty office has not acknowledged it // when // then
    expect(shownStatus({ kind: 'phone', status: 'received', receipts: [pending] })).toBe('awaitingReceipt');
    expect(shownStatus({ kind: 'phone', status: 'received', receipts: [acknowledged] })).toBe('received');
    expect(shownStatus({ kind: 'first', status: 'verifying', receipts: [] })).toBe('verifying');
  });

  it('names each report by its kind, the 续报 numbered, so a closed dossier does not read 已签收 three times over', () => {
    // given a closed dossier
    const reports = [
      { kind: 'first', status: 'received', receipts: [acknowledged] },
      { kind: 'follow_up', status: 'received', receipts: [acknowledged] },
      { kind: 'follow_up', status: 'received', receipts: [acknowledged] },
      { kind: 'final', status: 'received', receipts: [acknowledged] },
    ];
    // when // then
    expect(line(reports)).toEqual(['首报 已签收', '续报1 已签收', '续报2 已签收', '终报 已签收']);
  });
});
