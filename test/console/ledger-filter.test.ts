import { describe, expect, it } from 'vitest';
import { ledgerQuery, parseLedgerFilter } from '../../src/console/ledger-filter.ts';

const ok = (q: Record<string, unknown>) => {
  const r = parseLedgerFilter(q);
  if (!r.ok) throw new Error(r.message);
  return r.filter;
};
const refusal = (q: Record<string, unknown>) => {
  const r = parseLedgerFilter(q);
  if (r.ok) throw new Error(`accepted ${JSON.stringify(q)}`);
  return r.message;
};

describe('the ledger filter from a query string', () => {
  it('an empty form (every field sent blank) is the default view', () => {
    const blank = { kind: '', status: '', community: '', grid: '', category: '', priority: '', from: '', to: '', holder: '', q: '', sort: '', page: '', size: '' };
    expect(ok(blank)).toEqual({ overdue: false, sort: 'new', page: 1, size: 20 });
    expect(ok({})).toEqual({ overdue: false, sort: 'new', page: 1, size: 20 });
  });

  it('reads codes or the Chinese names an official may type into the address', () => {
    expect(ok({ kind: 'report', status: 'open', priority: 'urgent' })).toMatchObject({ kind: 'report', status: 'open', priority: 'urgent' });
    expect(ok({ kind: '微心愿', status: '办理中', priority: '紧急', overdue: '是' })).toMatchObject({
      kind: 'wish',
      status: 'claimed',
      priority: 'urgent',
      overdue: true,
    });
    expect(ok({ status: 'active', community: '3', grid: '7', from: '2026-11-01', to: '2026-11-30', q: ' 路灯 ', page: '4', size: '50' })).toEqual({
      status: 'active',
      community: 3,
      grid: 7,
      from: '2026-11-01',
      to: '2026-11-30',
      q: '路灯',
      overdue: false,
      sort: 'new',
      page: 4,
      size: 50,
    });
  });

  it('nonsense gets one Chinese sentence naming the field and what it may be', () => {
    expect(refusal({ status: 'banana' })).toBe('筛选条件有误：状态“banana”不对，可选：待认领、办理中、待确认、已确认、已撤回、已驳回、已合并、未办结、已关闭');
    expect(refusal({ kind: 'x' })).toContain('类型“x”不对，可选：微心愿、问题反映');
    expect(refusal({ community: 'abc' })).toContain('社区“abc”不对，应为编号');
    expect(refusal({ community: '-2' })).toContain('社区应为编号');
    expect(refusal({ community: '1.5' })).toContain('社区应为编号');
    expect(refusal({ from: '2026-13-01' })).toContain('开始日期“2026-13-01”不是有效日期');
    expect(refusal({ from: '昨天' })).toContain('应写成 2026-11-01');
    expect(refusal({ from: '2026-11-30', to: '2026-11-01' })).toContain('开始日期 2026-11-30 晚于结束日期 2026-11-01');
    expect(refusal({ page: '0' })).toContain('页码应为正整数');
    expect(refusal({ page: '1e9' })).toContain('页码太大了');
    expect(refusal({ size: '1000000' })).toContain('每页条数可选：20、50、100');
    expect(refusal({ sort: 'random' })).toContain('排序“random”不对');
    expect(refusal({ overdue: 'maybe' })).toContain('“只看超期”的值“maybe”不对');
    expect(refusal({ grid: '2' })).toContain('选网格时请同时选社区');
    expect(refusal({ q: '长'.repeat(101) })).toContain('搜索最多 100 个字');
    expect(refusal({ status: ['open', 'claimed'] })).toBe('筛选条件有误：状态只能选一个');
  });

  it('a long bad value is cut in the message', () => {
    expect(refusal({ status: 'x'.repeat(500) })).toContain(`“${'x'.repeat(20)}…”`);
  });

  it('links keep the filter and leave defaults out, so the page, sorting and export share one URL', () => {
    const f = ok({ status: 'open', community: '3', q: '路灯 3号楼', overdue: '1', page: '2' });
    expect(ledgerQuery(f)).toBe('?status=open&community=3&q=%E8%B7%AF%E7%81%AF+3%E5%8F%B7%E6%A5%BC&overdue=1&page=2');
    expect(ledgerQuery(f, { page: 1, sort: 'deadline' })).toBe('?status=open&community=3&q=%E8%B7%AF%E7%81%AF+3%E5%8F%B7%E6%A5%BC&overdue=1&sort=deadline');
    // What a link writes, the schema reads back as the same filter.
    expect(ok(Object.fromEntries(new URLSearchParams(ledgerQuery(f))))).toEqual(f);
  });
});
