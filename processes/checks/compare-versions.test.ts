import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareVersions } from './compare-versions';

const defaultFlow = readFileSync(path.resolve(import.meta.dirname, '../incident-report.bpmn'), 'utf8');

describe('comparing two versions of a process', () => {
  it('names a timer whose expression changed, with the expression before and after (bpmn-js-differ does not report it on the event)', async () => {
    // given: the 4th 催办 reads the written deadline instead of its own reminder time
    const before = '=if clocks.reminderAt[4] = null then &quot;9999-12-31T23:59:59Z&quot; else clocks.reminderAt[4]';
    const after = '=if clocks.writtenDueAt = null then &quot;9999-12-31T23:59:59Z&quot; else clocks.writtenDueAt';
    expect(defaultFlow).toContain(before);
    const changed = defaultFlow.replace(before, after);

    // when
    const rows = await compareVersions(defaultFlow, changed);

    // then
    expect(rows).toEqual([
      {
        id: 'reminder-4', name: '催办 4', type: 'bpmn:BoundaryEvent', change: 'changed',
        properties: [{ property: 'timer', before: before.replaceAll('&quot;', '"'), after: after.replaceAll('&quot;', '"') }],
      },
    ]);
  });
});
