import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Typography } from 'antd';
import { useUnitName } from '../api/queries';
import type { Receipt } from '../api/types';
import { labelOf, useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/time';

const ORDER = ['superiorDepartment', 'sameLevelGovernment', 'cityDutyOffice'];

/** 双重上报 and the city duty office: each recipient, and whether it acknowledged (签收), by whom and when. */
export function Receipts({ receipts }: { receipts: Receipt[] }) {
  const { t, labels } = useI18n();
  const unitName = useUnitName();
  if (receipts.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dossier.noReceipts')} />;
  const sorted = [...receipts].sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role));
  return (
    <Row gutter={[12, 12]} data-testid="receipts">
      {sorted.map((r) => (
        <Col xs={24} key={r.role}>
          <Card size="small" className="kb-receipt" data-testid={`receipt-${r.role}`} data-acknowledged={r.acknowledgedAt ? 'yes' : 'no'}>
            <div style={{ display: 'flex', gap: 10, alignItems: 'flex-start' }}>
              {r.acknowledgedAt ? <CheckCircleFilled style={{ color: '#16a34a', fontSize: 20 }} /> : <ClockCircleOutlined style={{ color: '#d97706', fontSize: 20 }} />}
              <div>
                <strong>{labelOf(labels, 'recipientRole', r.role)}</strong> · {unitName(r.unitId, r.unitName)}
                <div>
                  <Typography.Text type={r.acknowledgedAt ? 'success' : 'warning'}>
                    {r.acknowledgedAt ? t('dossier.receipt.done', { by: r.acknowledgedBy ?? '', at: formatDateTime(r.acknowledgedAt) }) : t('dossier.receipt.pending', { at: formatDateTime(r.dispatchedAt) })}
                  </Typography.Text>
                </div>
                {r.receiverUnitName !== r.unitName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dossier.receiver', { unit: unitName(r.receiverUnitId, r.receiverUnitName) })}</Typography.Text>}
              </div>
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
