// Usage: npm run audit:verify (the database of DATABASE_URL, else the PGlite directory: stop `npm start` first, PGlite admits
// one process; while it runs, an admin uses GET /api/admin/audit/verify instead). Checks every incident's audit hash chain
// (docs/adr/0026); exits 1 and names each broken chain, with the first entry where it breaks, if any is.
import { createAuditRepository } from '../src/repositories/audit';
import { databaseTargetFromEnv } from '../src/config';
import { openDatabase } from '../src/client';

async function run() {
  const db = await openDatabase(databaseTargetFromEnv());
  try {
    const { incidents, entries, broken } = await createAuditRepository(db.prisma).verifyAll();
    console.log(`审计校验 audit check: ${incidents} incidents, ${entries} entries, ${broken.length} broken`);
    for (const chain of broken) {
      const at = chain.broken!;
      console.log(`  ✗ ${chain.incidentNumber}: entry ${at.id} (#${at.chainSeq ?? '?'}, ${at.action}, ${at.at.toISOString()}) ${at.problem}`);
    }
    process.exitCode = broken.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

run().catch((error) => {
  console.error(error);
  process.exit(2);
});
