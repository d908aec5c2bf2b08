import { InboxOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Checkbox, Empty, Layout, Menu, Select, Skeleton, Space, Spin, Tag, Typography } from 'antd';

/**
 * One of each Ant Design component a returning user's first screen draws (the frame, app-layout.tsx, and the inbox,
 * inbox-page.tsx), rendered once at build time so that their styles are generated there instead of in the browser
 * (antd-static-style.ts). A component missing here still works: its style is generated in the browser, as before.
 * test/web/first-load.browser.test.ts checks that the inbox's first screen generates none. Pagination (shown past 20
 * tasks, 5 KB of brotli) is left out.
 */
export function FirstScreenSpecimens() {
  return (
    <App>
      <Spin fullscreen />
      <Layout>
        <Layout.Header>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={['inbox']}
            items={[
              { key: 'inbox', icon: <InboxOutlined />, label: '待办' },
              { key: 'manage', icon: <SettingOutlined />, label: '管理', children: [{ key: 'designer', label: '流程设计' }] },
            ]}
          />
          <Space size={12}>
            <UserOutlined />
            <Tag color="blue">核实人</Tag>
            <Button size="small" ghost>English</Button>
          </Space>
        </Layout.Header>
        <Layout.Content>
          <Skeleton active />
          <Typography.Title level={3}>待办</Typography.Title>
          <Typography.Text type="secondary">编号</Typography.Text>
          <Tag color="red">超时 1</Tag>
          <Tag color="processing">核实中</Tag>
          <Badge status="processing" text="连接中" />
          <Card size="small">
            <Badge count={0} showZero color="#8c8c8c" overflowCount={999} />
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="类型" options={[{ value: 'a', label: 'a' }]} />
            <Button type="primary">签收</Button>
            <Spin spinning>
              <Checkbox indeterminate />
              <Empty />
            </Spin>
          </Card>
        </Layout.Content>
      </Layout>
    </App>
  );
}
