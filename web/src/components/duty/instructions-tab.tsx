import { Card, Empty, List, Space } from 'antd';
import { useInstructions, type Instruction } from '../../api/duty';
import { useI18n } from '../../i18n/i18n';
import { InstructionItem } from './instruction-item';

/** 领导批示: those the unit must carry out (签收, then 落实情况 by the deadline), and those it relayed with each unit's progress. */
export function InstructionsTab() {
  const { t } = useI18n();
  const instructions = useInstructions();
  const section = (title: string, items: Instruction[] | undefined, testId: string) => (
    <Card title={title} data-testid={testId}>
      {items && items.length > 0
        ? <List dataSource={items} renderItem={(item) => <List.Item key={item.id}><InstructionItem item={item} showIncident /></List.Item>} />
        : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.instructions.none')} />}
    </Card>
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {section(t('duty.instructions.toCarryOut'), instructions.data?.toCarryOut, 'instructions-to-carry-out')}
      {section(t('duty.instructions.relayed'), instructions.data?.relayed, 'instructions-relayed')}
    </Space>
  );
}
