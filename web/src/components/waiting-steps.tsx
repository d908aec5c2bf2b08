import { Tag, Typography } from 'antd';
import { useUnitName } from '../api/queries';
import type { WaitingElement, WaitingTask } from '../api/types';
import { labelOf, useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { whoMustAct, type Candidate } from '../lib/who-must-act';

const ELEMENT_KINDS: Record<string, MessageKey> = {
  'bpmn:UserTask': 'monitor.elementType.userTask',
  'bpmn:ServiceTask': 'monitor.elementType.serviceTask',
  'bpmn:SendTask': 'monitor.elementType.serviceTask',
  'bpmn:BusinessRuleTask': 'monitor.elementType.serviceTask',
  'bpmn:ScriptTask': 'monitor.elementType.serviceTask',
  'bpmn:IntermediateCatchEvent': 'monitor.elementType.catchEvent',
  'bpmn:BoundaryEvent': 'monitor.elementType.catchEvent',
  'bpmn:ReceiveTask': 'monitor.elementType.receiveTask',
};

/** Where an instance waits: each element by name and kind, and for a user task who must act on it. */
export function WaitingSteps({ waiting }: { waiting: WaitingElement[] }) {
  const { t } = useI18n();
  if (waiting.length === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <div>
      {waiting.map((element) => (
        <div key={element.elementId} style={{ marginBottom: 4 }} data-testid="waiting-element" data-element={element.elementId}>
          <strong>{element.elementName ?? element.elementId}</strong> <ElementKindTag type={element.elementType} />
          {element.tasks.map((task) => (
            <TaskActors key={task.key} task={task} named={element.tasks.length > 1} />
          ))}
        </div>
      ))}
    </div>
  );
}

function ElementKindTag({ type }: { type: string }) {
  const { t } = useI18n();
  const kind = ELEMENT_KINDS[type];
  return <Tag bordered={false}>{kind ? t(kind) : type.replace(/^bpmn:/, '')}</Tag>;
}

/** Who must act on a user task: its holder, or the units' roles and users who may claim it (named when the element has several). */
function TaskActors({ task, named }: { task: WaitingTask; named: boolean }) {
  const { t, list } = useI18n();
  const candidateName = useCandidateName();
  const actors = whoMustAct(task);
  const text =
    actors.kind === 'assignee' ? t('monitor.assignee', { name: actors.username })
    : actors.candidates.length > 0 ? t('monitor.candidates', { who: list(actors.candidates.map(candidateName)) })
    : t('monitor.noActor');
  return (
    <Typography.Text type={actors.kind === 'candidates' && actors.candidates.length === 0 ? 'warning' : 'secondary'} style={{ display: 'block', fontSize: 13 }} data-testid="task-actors">
      {named && task.name && <Tag bordered={false}>{task.name}</Tag>}
      {text}
    </Typography.Text>
  );
}

/** A candidate as people name it: 临翔区应急管理局（核实人）, a username, or a group as it is. */
function useCandidateName() {
  const { labels, paren } = useI18n();
  const unitName = useUnitName();
  return (candidate: Candidate) =>
    candidate.kind === 'group' ? `${unitName(candidate.unitId)}${paren(labelOf(labels, 'role', candidate.role))}`
    : candidate.kind === 'user' ? candidate.username
    : candidate.group;
}
