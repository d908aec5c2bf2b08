import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type Database } from '../index';
import { loadDemoData } from '../seed/demo-lincang';
import { createAuditRepository } from './audit';
import { createIncidentRepository } from './incidents';

/** The audit trail as a hash chain per incident, append-only in the database (docs/adr/0026). */
describe('the audit trail', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoData(db.prisma, async (p) => p);
  });
  afterAll(() => db.close());

  /** A dossier with a trail of four entries (one written twice by an at-least-once writer). */
  async function dossierWithTrail(title: string) {
    const incidents = createIncidentRepository(db.prisma);
    const audit = createAuditRepository(db.prisma);
    const { number } = await incidents.openDossier(
      { divisionCode: '530902', at: new Date() },
      { title, category: 'natural_disaster', severity: 'IV', sensitive: false, classified: false, reportingUnitId: 'lx-yjj', occurredAt: new Date(), learnedAt: new Date() },
      { id: `r-${title}`, kind: 'first', sequence: 0, status: 'verifying', content: { title }, createdById: 'user-lx_reporter' },
      { actorId: 'user-lx_reporter', actorName: '李明', action: 'report.submitted', ip: '10.0.0.1' },
    );
    await db.prisma.$transaction((tx) => audit.append({ incidentNumber: number, actorId: 'user-lx_verifier', actorName: '王芳', action: 'task.completed', detail: { decision: 'confirm', opinion: '属实' } }, tx));
    await audit.append({ incidentNumber: number, actorName: '系统', action: 'report.dispatched', dedupeKey: `d-${title}` });
    await audit.append({ incidentNumber: number, actorName: '系统', action: 'report.dispatched', dedupeKey: `d-${title}` });
    await audit.append({ incidentNumber: number, actorId: 'user-lx_leader', actorName: '张伟', action: 'task.completed', detail: { decision: 'approve', opinion: '同意报送' } });
    return { number, audit, entries: () => db.prisma.auditEvent.findMany({ where: { incidentNumber: number }, orderBy: { chainSeq: 'asc' } }) };
  }

  /** What an intruder with SQL could do once past the trigger: the escape meant for migrations. */
  const tamper = (sql: string, ...values: unknown[]) =>
    db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('kuaibao.audit_maintenance', 'on', true)`;
      await tx.$executeRawUnsafe(sql, ...values);
    });

  it('chains every entry, whoever writes it, and finds the chain intact', async () => {
    const { number, audit, entries } = await dossierWithTrail('链');

    const rows = await entries();

    expect(rows.map((e) => e.chainSeq)).toEqual([1, 2, 3, 4]);
    expect(rows[0]!.prevHash).toBeNull();
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(rows.every((e) => /^[0-9a-f]{64}$/.test(e.hash ?? ''))).toBe(true);
    expect(await audit.verify(number)).toMatchObject({ intact: true, entries: 4, broken: null });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_event', async () => {
    const { number } = await dossierWithTrail('只增');

    await expect(db.prisma.$executeRaw`UPDATE audit_event SET actor_name = '赵六' WHERE incident_number = ${number}`).rejects.toThrow(); // (PGlite's adapter drops the trigger's message)
    await expect(db.prisma.$executeRaw`DELETE FROM audit_event WHERE incident_number = ${number}`).rejects.toThrow();
    await expect(db.prisma.$executeRawUnsafe('TRUNCATE audit_event CASCADE')).rejects.toThrow();
    expect(await db.prisma.auditEvent.count({ where: { incidentNumber: number } })).toBe(4);
  });

  it('finds a sign-off whose signer, opinion and time were changed (the probe’s UPDATE was served without a warning)', async () => {
    // given
    const { number, audit, entries } = await dossierWithTrail('改签');
    const signOff = (await entries()).at(-1)!;

    // when
    await tamper(`UPDATE audit_event SET actor_name = '赵六', detail = '{"decision":"approve","opinion":"同意"}', at = at - interval '1 hour' WHERE id = $1`, signOff.id);

    // then
    expect(await audit.verify(number)).toMatchObject({ intact: false, broken: { id: String(signOff.id), chainSeq: 4, action: 'task.completed', problem: 'altered' } });
    expect((await audit.verifyAll()).broken.map((c) => c.incidentNumber)).toContain(number);
  });

  it('finds an entry removed from the middle of a chain, and one whose hash was recomputed alone', async () => {
    const removed = await dossierWithTrail('删除');
    const [, second] = await removed.entries();
    await tamper('DELETE FROM audit_event WHERE id = $1', second!.id);
    expect(await removed.audit.verify(removed.number)).toMatchObject({ intact: false, broken: { chainSeq: 3, problem: 'missing' } });

    const rehashed = await dossierWithTrail('重算');
    const [first] = await rehashed.entries();
    await tamper(`UPDATE audit_event SET ip = '10.9.9.9' WHERE id = $1`, first!.id);
    await tamper('UPDATE audit_event e SET hash = audit_event_hash(prev_hash, e) WHERE id = $1', first!.id);
    expect(await rehashed.audit.verify(rehashed.number)).toMatchObject({ intact: false, broken: { chainSeq: 2, problem: 'unlinked' } });
  });
});
