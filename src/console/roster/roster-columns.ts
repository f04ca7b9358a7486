// The roster sheet an office fills in (issue 11 "Roster import"), and the other headers people
// actually write for the same columns.

export const ROSTER_COLUMNS = ['姓名', '手机号', '平台', '平台账号', '角色', '社区', '网格'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** 网格 may be left out of the sheet or blank; every other column is needed. */
export const OPTIONAL_COLUMNS: readonly RosterColumn[] = ['网格'];

const ALIASES: Record<string, RosterColumn> = {
  姓名: '姓名',
  名字: '姓名',
  手机号: '手机号',
  手机: '手机号',
  手机号码: '手机号',
  电话: '手机号',
  联系电话: '手机号',
  平台: '平台',
  平台账号: '平台账号',
  账号: '平台账号',
  userid: '平台账号',
  staffid: '平台账号',
  用户id: '平台账号',
  角色: '角色',
  身份: '角色',
  社区: '社区',
  所属社区: '社区',
  网格: '网格',
  所属网格: '网格',
};

/** The column a header cell names, ignoring spaces, case and a trailing note ("平台（企业微信/钉钉）"). */
export function rosterColumnOf(header: string): RosterColumn | null {
  const key = header.replace(/[\s\u3000]/gu, '').replace(/[（(].*$/u, '').toLowerCase();
  return ALIASES[key] ?? null;
}

export const PLATFORM_NAMES: Record<string, 'wecom' | 'dingtalk'> = {
  企业微信: 'wecom',
  企微: 'wecom',
  wecom: 'wecom',
  钉钉: 'dingtalk',
  dingtalk: 'dingtalk',
};

export const ROLE_NAMES: Record<string, 'member' | 'official'> = {
  党员: 'member',
  党员志愿者: 'member',
  志愿者: 'member',
  member: 'member',
  干部: 'official',
  社区干部: 'official',
  网格长: 'official',
  official: 'official',
};

/** The example rows of the downloadable template. */
export const TEMPLATE_ROWS: ReadonlyArray<Record<RosterColumn, string>> = [
  { 姓名: '李志强', 手机号: '13800001234', 平台: '企业微信', 平台账号: 'LiZhiQiang', 角色: '党员', 社区: '阳光社区', 网格: '第一网格' },
  { 姓名: '赵书记', 手机号: '13900005678', 平台: '钉钉', 平台账号: '0123456789', 角色: '干部', 社区: '阳光社区', 网格: '' },
];
