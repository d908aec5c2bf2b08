import { processResources } from '@kuaibao/processes';

/**
 * "A step broken by a bad deployment" (issue 22): incident-report.bpmn deployed with a typo in 报送上级主管部门's
 * `recipient` header, so the dispatch handler finds no such recipient and fails for good (an incident); and the
 * corrected version deployed after it. Deployed through the engine port into the default tenant, where reports start.
 */
const DISPATCH_SUPERIOR = /(<bpmn:serviceTask id="dispatch-superior" name=")报送上级主管部门("[\s\S]*?<zeebe:header key="recipient" value=")superiorDepartment(")/;

function shipped(): { name: string; content: string } {
  const resource = processResources().find((r) => r.name === 'incident-report.bpmn');
  if (!resource || !DISPATCH_SUPERIOR.test(resource.content)) throw new Error('incident-report.bpmn no longer has dispatch-superior as this fixture expects');
  return resource;
}

export const badIncidentReport = () => ({ ...shipped(), content: shipped().content.replace(DISPATCH_SUPERIOR, '$1报送上级主管部门$2superiorDept$3') });
export const fixedIncidentReport = () => ({ ...shipped(), content: shipped().content.replace(DISPATCH_SUPERIOR, '$1报送上级主管部门（已修正）$2superiorDepartment$3') });
