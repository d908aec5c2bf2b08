import { describe, expect, it } from 'vitest';
import { hasRole, makeUserSchema, userSchema } from './user';
import { issuesOf } from './test-support/reports';

const user = { id: 'user-lx_reporter', username: 'lx_reporter', displayName: '李明', unitId: 'lx-yjj', roles: ['reporter'], phone: '0883-2100001' };

describe('userSchema', () => {
  it('accepts the demo information officer of 临翔区应急管理局', () => {
    expect(userSchema.parse(user)).toEqual(user);
  });

  it.each(['13987654321', '0883-2122496', '08832122496', '0374-2965301-801', '2122496'])('accepts phone %s', (phone) => {
    expect(userSchema.safeParse({ ...user, phone }).success).toBe(true);
  });

  it('accepts names with the separator "·" and no phone', () => {
    const { phone: _phone, ...rest } = user;
    expect(userSchema.safeParse({ ...rest, displayName: '买买提·艾力' }).success).toBe(true);
  });

  it('reports each invalid field at its path', () => {
    // given
    const input = { ...user, username: 'LX Reporter', displayName: 'Li Ming', roles: ['reporter', 'mayor'], phone: '12345' };

    // when
    const issues = issuesOf(userSchema.safeParse(input));

    // then
    expect(issues.map(([path]) => path)).toEqual(['username', 'displayName', 'roles.1', 'phone']);
    expect(issues[0]![1]).toBe('用户名须为3至32位小写字母、数字或 _ . -');
  });

  it('requires at least one role, each once', () => {
    expect(issuesOf(userSchema.safeParse({ ...user, roles: [] }))).toEqual([['roles', '至少分配一个角色']]);
    expect(issuesOf(userSchema.safeParse({ ...user, roles: ['leader', 'leader'] }))).toEqual([['roles', '角色不能重复：单位领导']]);
  });

  it('speaks English when asked', () => {
    expect(issuesOf(makeUserSchema('en').safeParse({ ...user, roles: [] }))).toEqual([['roles', 'Assign at least one role']]);
  });
});

describe('hasRole', () => {
  it('tells whether a user holds a role', () => {
    expect(hasRole({ roles: ['duty_officer', 'leader'] }, 'leader')).toBe(true);
    expect(hasRole({ roles: ['duty_officer'] }, 'admin')).toBe(false);
  });
});
