import { TASK_TYPES } from '@kuaibao/domain';
import { header, is, jobType, type ModdleNode } from '../moddle-node';

const kind = (node: ModdleNode) => (is(node, 'bpmn:UserTask') ? header(node, 'kind') : undefined);

/** 核实: the user task of kind `verify`. */
export const isVerify = (node: ModdleNode): boolean => kind(node) === 'verify';

/** 审签: the unit leader's (or the sector leader's) sign-off. */
export const isSignOff = (node: ModdleNode): boolean => kind(node) === 'sign_off' || kind(node) === 'sector_sign_off';

/**
 * 上报: a dispatch of the report to a recipient. Left out: the 越级 direct copy (header `copy`, 000: the city duty office
 * gets an urgent report at once, before verification), a copy rather than the report going up; and the 涉密 record
 * (recipient `secureRecipient`), which records a delivery made outside the system through the secure channel.
 */
export const isDispatch = (node: ModdleNode): boolean =>
  jobType(node) === TASK_TYPES.dispatch && header(node, 'copy') !== 'true' && header(node, 'recipient') !== 'secureRecipient';

export const isDispatchTo = (recipient: string) => (node: ModdleNode): boolean => isDispatch(node) && header(node, 'recipient') === recipient;
