import { Alert, App, Button, Card, Col, Descriptions, Empty, Input, Popconfirm, Row, Space, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { useAdminUnits, useSetUnitActive, type AdminUnit } from '../../api/org-admin';
import { useI18n } from '../../i18n/i18n';
import { problemMessage } from '../../lib/form-errors';
import { UnitForm } from './unit-form';

/** 组织机构: the units the admin manages as a tree, searchable; a unit's details, edit, move (its parent), new unit below, deactivate. */
export function UnitsPanel() {
  const { t, labels, field, locale } = useI18n();
  const { message } = App.useApp();
  const units = useAdminUnits();
  const setActive = useSetUnitActive();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ unit: AdminUnit | null; parent: AdminUnit | null } | null>(null);
  const list = useMemo(() => units.data ?? [], [units.data]);
  const byId = useMemo(() => new Map(list.map((u) => [u.id, u])), [list]);
  const tree = useMemo(() => buildTree(list, q.trim().toLowerCase(), t('orgAdmin.inactive')), [list, q, t]);
  const unit = selected ? byId.get(selected) : undefined;
  const name = (id: string | null) => (id ? (byId.get(id)?.name ?? id) : '—');

  const toggle = async (target: AdminUnit) => {
    try {
      await setActive.mutateAsync({ id: target.id, active: !target.active });
      void message.success(t('orgAdmin.saved'));
    } catch (error) {
      void message.error(problemMessage(error as Error, locale));
    }
  };

  return (
    <Row gutter={16} data-testid="units-panel">
      <Col xs={24} md={10}>
        <Card size="small" title={<Input.Search allowClear placeholder={t('orgAdmin.search')} value={q} onChange={(e) => setQ(e.target.value)} data-testid="unit-search" />}
          extra={<Button type="primary" size="small" onClick={() => setEditing({ unit: null, parent: unit ?? null })} data-testid="unit-create">{t('orgAdmin.create')}</Button>}>
          {units.error && <Alert type="error" showIcon title={units.error.message} />}
          <Tree key={list.length} treeData={tree.nodes} defaultExpandedKeys={tree.nodes.map((n) => n.key)} expandedKeys={q ? tree.matchedPath : undefined} autoExpandParent selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => setSelected((keys[0] as string | undefined) ?? null)} height={560} blockNode data-testid="unit-tree" />
        </Card>
      </Col>
      <Col xs={24} md={14}>
        <Card size="small" title={unit ? unit.name : t('orgAdmin.unit.select')}
          extra={unit && (
            <Space>
              <Button size="small" onClick={() => setEditing({ unit, parent: null })} data-testid="unit-edit">{t('orgAdmin.edit')}</Button>
              <Button size="small" onClick={() => setEditing({ unit: null, parent: unit })}>{t('orgAdmin.unit.create')}</Button>
              <Popconfirm title={unit.active ? t('orgAdmin.unit.deactivateConfirm', { name: unit.name }) : t('orgAdmin.activate')} onConfirm={() => void toggle(unit)}>
                <Button size="small" danger={unit.active}>{t(unit.active ? 'orgAdmin.deactivate' : 'orgAdmin.activate')}</Button>
              </Popconfirm>
            </Space>
          )}>
          {unit ? (
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={field('code')}>{unit.code}</Descriptions.Item>
              <Descriptions.Item label={field('unitKind')}>{labels.unitKind[unit.kind]} · {labels.unitLevel[unit.level]} {!unit.active && <Tag color="red">{t('orgAdmin.inactive')}</Tag>}</Descriptions.Item>
              <Descriptions.Item label={field('divisionCode')}>{unit.divisionCode}</Descriptions.Item>
              <Descriptions.Item label={field('parentId')}>{name(unit.parentId)}</Descriptions.Item>
              <Descriptions.Item label={field('superiorDepartmentId')}>{name(unit.superiorDepartmentId)}</Descriptions.Item>
              <Descriptions.Item label={field('sameLevelGovernmentId')}>{name(unit.sameLevelGovernmentId)}</Descriptions.Item>
              <Descriptions.Item label={field('dutyOfficeId')}>{name(unit.dutyOfficeId)}</Descriptions.Item>
            </Descriptions>
          ) : <Empty description={t('orgAdmin.unit.select')} />}
        </Card>
      </Col>
      {editing && <UnitForm unit={editing.unit} parent={editing.parent} onClose={() => setEditing(null)} />}
    </Row>
  );
}

/** The units as a tree along parents (a unit whose parent is outside the list is a root); a search keeps matches and their path. */
function buildTree(units: AdminUnit[], q: string, inactive: string): { nodes: DataNode[]; matchedPath: string[] } {
  const children = new Map<string | null, AdminUnit[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const unit of units) {
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const matches = (u: AdminUnit) => !q || u.name.toLowerCase().includes(q) || u.code.toLowerCase().includes(q);
  const matchedPath: string[] = [];
  const build = (parent: string | null): DataNode[] =>
    (children.get(parent) ?? []).flatMap((u) => {
      const kids = build(u.id);
      if (!matches(u) && kids.length === 0) return [];
      if (q && kids.length > 0) matchedPath.push(u.id);
      return [{ key: u.id, title: <span className={u.active ? undefined : 'kb-muted'}>{u.name} <small>{u.code}</small>{!u.active && <Tag color="red" style={{ marginLeft: 4 }}>{inactive}</Tag>}</span>, children: kids }];
    });
  return { nodes: build(null), matchedPath };
}
