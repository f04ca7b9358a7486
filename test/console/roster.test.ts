import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkRoster, type RosterContext } from '../../src/console/roster/check-roster.ts';
import { readRosterFile, type ReadResult } from '../../src/console/roster/read-roster.ts';
import { rosterTemplateCsv, rosterTemplateXlsx } from '../../src/console/roster/roster-template.ts';

const ctx: RosterContext = {
  communities: [{ id: 1, name: '阳光社区' }],
  allCommunityNames: new Set(['阳光社区', '明月社区']),
  grids: [{ communityId: 1, name: '第一网格' }],
};

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const table = (r: ReadResult) => {
  if (!r.ok) throw new Error(r.problem);
  return r.table;
};
const HEADER = ['姓名', '手机号', '平台', '平台账号', '角色', '社区', '网格'];

describe('the roster import: reading and checking before anything is written', () => {
  it('the downloadable templates read back without a problem', async () => {
    for (const [data, name] of [[await rosterTemplateXlsx(), 'a.xlsx'], [Buffer.from(rosterTemplateCsv()), 'a.csv']] as const) {
      const check = checkRoster(table(await readRosterFile(data, name)), ctx);
      expect(check.fileProblems).toEqual([]);
      expect(check.rows.map((r) => [r.name, r.phone, r.platform, r.platformUserId, r.role, r.communityId, r.grid, r.problems])).toEqual([
        ['李志强', '13800001234', 'wecom', 'LiZhiQiang', 'member', 1, '第一网格', []],
        ['赵书记', '13900005678', 'dingtalk', '0123456789', 'official', 1, '', []],
      ]);
    }
  });

  it('lists every problem of every row, with its line number', async () => {
    const data = await xlsx([
      HEADER,
      ['王芳', 13812345678, '企业微信', 'wangfang', '党员', '阳光社区', '第二网格'],
      ['', '138-1234-5679', '微信', 'x1', '群众', '明月社区', ''],
      ['李四', '1234', '钉钉', '', '干部', '火星社区', ''],
      ['王芳', '+86 138 1234 5678', 'wecom', 'wangfang', 'member', '阳光社区', ''],
    ]);
    const check = checkRoster(table(await readRosterFile(data, 'r.xlsx')), ctx);
    expect(check.rows.map((r) => [r.line, r.problems])).toEqual([
      [2, []],
      [3, ['姓名为空', '平台“微信”不对，应为 企业微信 或 钉钉', '角色“群众”不对，应为 党员 或 干部', '社区“明月社区”不归您管理']],
      [4, ['手机号“1234”不对，应为 11 位手机号', '平台账号为空', '没有叫“火星社区”的社区']],
      [5, ['与第 2 行重复（同一平台账号）']],
    ]);
    // A phone stored as a number comes out in full; "+86 138 1234 5678" is the same number.
    expect(check.rows[0]!.phone).toBe('13812345678');
    expect(check.rows[3]!.phone).toBe('13812345678');
    expect(check.newGrids).toEqual(['阳光社区 · 第二网格']);
  });

  it('a sheet without the needed columns is refused as a whole, naming them', async () => {
    const check = checkRoster(table(await readRosterFile(await xlsx([['姓名', '电话'], ['王芳', '13812345678']]), 'r.xlsx')), ctx);
    expect(check.fileProblems[0]).toContain('缺少列：平台、平台账号、角色、社区');
    expect(check.rows).toEqual([]);
  });

  it('headers as people write them are understood', async () => {
    const csv = '名字,联系电话,平台（企业微信/钉钉）,UserID,身份,所属社区\r\n张三,13800001111,钉钉,123,志愿者,阳光社区\r\n';
    const check = checkRoster(table(await readRosterFile(Buffer.from(csv), 'r.csv')), ctx);
    expect(check.fileProblems).toEqual([]);
    expect(check.rows[0]).toMatchObject({ name: '张三', phone: '13800001111', platform: 'dingtalk', role: 'member', problems: [] });
  });

  it('a CSV saved by Excel on Chinese Windows (GBK) is read', async () => {
    const gbk = Buffer.from(
      'd0d5c3fb2ccad6bbfabac52cc6bdcca82cc6bdcca8d5cbbac52cbdc7c9ab2cc9e7c7f80d0acdf5b7bc2c31333831323334353637382cb6a4b6a42c6162632cb5b3d4b12cd1f4b9e2c9e7c7f80d0a',
      'hex',
    );
    const check = checkRoster(table(await readRosterFile(gbk, 'gbk.csv')), ctx);
    expect(check.rows[0]).toMatchObject({ name: '王芳', platform: 'dingtalk', community: '阳光社区', problems: [] });
  });

  it('files that are not rosters get one sentence and nothing else', async () => {
    const problem = async (data: Buffer, name = 'x') => {
      const r = await readRosterFile(data, name);
      return r.ok ? 'accepted' : r.problem;
    };
    expect(await problem(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'photo.png')).toBe('“photo.png”不是表格文件，请上传 .xlsx 或 .csv。');
    expect(await problem(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), 'old.xls')).toContain('旧版 Excel（.xls）');
    expect(await problem(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]), 'broken.xlsx')).toContain('文件已损坏');
    expect(await problem(Buffer.alloc(0))).toBe('文件是空的。');
    expect(await problem(Buffer.alloc(20 * 1024 * 1024, 0x41), 'big.csv')).toBe('文件太大了（20.0 MB），最大 5 MB。');
    expect(await problem(Buffer.from('\r\n\r\n'))).toBe('表格里没有内容。');
  });
});
