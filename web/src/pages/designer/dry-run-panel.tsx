import { Alert, Card, Col, Empty, Row, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/time';
import type { DryRunResult } from './designer-api';
import { useDesignerText } from './designer-messages';

/** 试运行's answer: for each sample report, the steps it took in order, the tasks it made, and its deadlines. */
export function DryRunPanel({ unitName, results }: { unitName: string; results: DryRunResult[] }) {
  const text = useDesignerText();
  const { labels } = useI18n();
  return (
    <div data-testid="dry-run-results">
      <Typography.Paragraph type="secondary">{text('dryRunIntro', { unit: unitName })}</Typography.Paragraph>
      <Row gutter={12}>
        {results.map((result, index) => (
          <Col xs={24} lg={12} key={index}>
            <Card
              size="small"
              data-testid="dry-run-sample"
              title={`${labels.severity[result.sample.severity as keyof typeof labels.severity] ?? result.sample.severity}${result.sample.verifyDecision === 'close' ? ` · ${text('dryRunClosed')}` : ''}`}
              extra={<Tag color={result.state === 'completed' ? 'green' : 'orange'}>{result.state === 'completed' ? text('dryRunCompleted') : text('dryRunWaiting')}</Tag>}
            >
              {result.incidents.map((i) => <Alert key={i.elementId} type="error" showIcon message={`${i.elementId}：${i.message}`} style={{ marginBottom: 8 }} />)}
              <Timeline
                items={result.path.map((step) => ({
                  color: step.kind === 'userTask' ? 'blue' : 'gray',
                  children: (
                    <span data-testid="dry-run-step" data-element-id={step.elementId}>
                      {step.name ?? step.elementId}
                      <Typography.Text type="secondary"> · {step.kind === 'userTask' ? text('dryRunTask') : text('dryRunJob')}</Typography.Text>
                    </span>
                  ),
                }))}
              />
              {result.waitingAt.length > 0 && <Typography.Paragraph>{text('dryRunWaitsAt')}：{result.waitingAt.map((w) => w.name ?? w.elementId).join('、')}</Typography.Paragraph>}
              <Typography.Text strong>{text('dryRunDeadlines')}</Typography.Text>
              {result.deadlines.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text('dryRunNoDeadline')} /> : (
                <ul data-testid="dry-run-deadlines">
                  {result.deadlines.map((d) => (
                    <li key={`${d.channel}-${d.to}`}>{d.channel === 'phone' ? text('dryRunPhone') : text('dryRunWritten')} {d.immediate ? text('dryRunImmediately') : formatDateTime(d.dueAt)}（{d.within}）— {d.rule}</li>
                  ))}
                </ul>
              )}
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
