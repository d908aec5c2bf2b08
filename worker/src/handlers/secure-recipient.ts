import { candidateGroup, DomainError, secureRecipientOf } from '@kuaibao/domain';
import { complete, fail } from '@kuaibao/engine';
import { z } from 'zod';
import { withVariables, type Handler } from '../handler';
import type { HandlerDeps } from './deps';
import { toOrgUnit } from './recipients';

const variablesSchema = z.object({
  reportId: z.string().min(1),
  reportingUnitId: z.string().min(1),
  /** The duty office the sender named in the placeholder, if any. */
  secureRecipientUnitId: z.string().min(1).nullish(),
});

/**
 * 涉密: the duty office that acknowledges the secure transmission (domain `secureRecipientOf`), as the
 * `secureRecipient` the dispatch task records and the candidate group of the acknowledgement. The API
 * checked the named unit already; a tree changed since is a data error: fail at once with the reason.
 */
export function resolveSecureRecipientHandler(deps: HandlerDeps): Handler {
  return withVariables(variablesSchema, async (variables) => {
    const units = (await deps.orgUnits.all()).map(toOrgUnit);
    try {
      const office = secureRecipientOf(units, variables.reportingUnitId, variables.secureRecipientUnitId);
      return complete({
        recipients: { secureRecipient: { id: office.id, name: office.name } },
        // the unit's leader signs the placeholder off before it is recorded as sent (000, 003: 经本单位主要领导审签)
        groups: { secureRecipientDuty: candidateGroup(office.id, 'duty_officer'), leader: candidateGroup(variables.reportingUnitId, 'leader') },
      });
    } catch (error) {
      if (error instanceof DomainError) return fail(`涉密信息接收单位无法确定：${error.message}`, { retries: 0 });
      throw error;
    }
  });
}
