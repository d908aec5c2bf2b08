import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { parseBody, parseParams } from '../../http/validate';
import { getPolicy, previewPolicyFor, savePolicy } from '../../services/policy-design-service';
import { jurisdictionParamsSchema } from '../designer/designer.types';
import { jurisdictionPolicySchema, policyPreviewSchema, previewPolicyBodySchema, savedPolicySchema, savePolicyBodySchema } from './policy.types';

const notYours = 'Not a jurisdiction the caller designs (designer of it, or admin)';

/** 时限政策 (issue 17 item 8): read, preview and save a jurisdiction's deadline policy as a new version. */
export const policyRoutes: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get',
    path: '/api/jurisdictions/{jurisdiction}/policy',
    tags: ['designer'],
    summary: '时限政策：辖区的时限政策（本辖区最新版本或继承的政策）及各版本 / The jurisdiction\'s deadline policy and its versions',
    request: { params: jurisdictionParamsSchema },
    responses: { 200: { description: 'The policy', content: { 'application/json': { schema: jurisdictionPolicySchema } } }, 404: { description: notYours } },
  });
  router.get('/api/jurisdictions/:jurisdiction/policy', async (req, res) => {
    const user = requireUser(res);
    const { jurisdiction } = parseParams(jurisdictionParamsSchema, req);
    res.json(await getPolicy(deps, user, jurisdiction));
  });

  registry.registerPath({
    method: 'post',
    path: '/api/jurisdictions/{jurisdiction}/policy/preview',
    tags: ['designer'],
    summary: '时限政策：示例报告的时限预览 / The deadlines and reminders the policy in the form sets for a sample report',
    request: { params: jurisdictionParamsSchema, body: { content: { 'application/json': { schema: previewPolicyBodySchema } } } },
    responses: {
      200: { description: 'The deadlines (as the clocks resolve them) and the sentence', content: { 'application/json': { schema: policyPreviewSchema } } },
      400: { description: 'The policy fails the domain\'s schema: field paths `policy.<path>`' },
      404: { description: notYours },
    },
  });
  router.post('/api/jurisdictions/:jurisdiction/policy/preview', async (req, res) => {
    const user = requireUser(res);
    const { jurisdiction } = parseParams(jurisdictionParamsSchema, req);
    res.json(await previewPolicyFor(deps, user, jurisdiction, parseBody(previewPolicyBodySchema, req)));
  });

  registry.registerPath({
    method: 'post',
    path: '/api/jurisdictions/{jurisdiction}/policy/versions',
    tags: ['designer'],
    summary: '时限政策：保存为新版本（指定生效日期） / Save the policy as a new version from an effective date; running reports keep theirs',
    request: { params: jurisdictionParamsSchema, body: { content: { 'application/json': { schema: savePolicyBodySchema } } } },
    responses: {
      201: { description: 'Saved as the next version, with the changed fields (audited)', content: { 'application/json': { schema: savedPolicySchema } } },
      400: { description: 'The policy fails the domain\'s schema (`policy.<path>`), or the effective date is in the past' },
      404: { description: notYours },
      409: { description: 'Someone saved a version since `baseVersion`' },
    },
  });
  router.post('/api/jurisdictions/:jurisdiction/policy/versions', async (req, res) => {
    const user = requireUser(res);
    const { jurisdiction } = parseParams(jurisdictionParamsSchema, req);
    res.status(201).json(await savePolicy(deps, user, jurisdiction, parseBody(savePolicyBodySchema, req)));
  });
};
