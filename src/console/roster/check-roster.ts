import { OPTIONAL_COLUMNS, PLATFORM_NAMES, ROLE_NAMES, ROSTER_COLUMNS, rosterColumnOf, type RosterColumn } from './roster-columns.ts';
import type { RosterTable } from './read-roster.ts';

/** One person of a roster, normalised, with every problem found on its row. */
export type RosterRow = {
  line: number;
  name: string;
  phone: string;
  platform: 'wecom' | 'dingtalk' | null;
  platformUserId: string;
  role: 'member' | 'official' | null;
  community: string;
  communityId: number | null;
  grid: string;
  problems: string[];
};

export type RosterCheck = {
  /** Problems with the whole file (a missing column): nothing can be imported. */
  fileProblems: string[];
  rows: RosterRow[];
  /** Grids named in the sheet that do not exist yet (created on import), per community name. */
  newGrids: string[];
};

export type RosterContext = {
  /** The communities this person may import into (an official's own; every one for the admin). */
  communities: ReadonlyArray<{ id: number; name: string }>;
  /** Every community's name, to tell "not yours" from "no such community". */
  allCommunityNames: ReadonlySet<string>;
  grids: ReadonlyArray<{ communityId: number; name: string }>;
};

const MOBILE = /^1[3-9]\d{9}$/u;

/** Mainland mobile numbers as people write them: spaces, dashes, +86, full-width digits. */
export function normalisePhone(raw: string): string {
  const half = raw.replace(/[０-９＋]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return half.replace(/[\s\-()（）]/gu, '').replace(/^(\+?86)(?=1\d{10}$)/u, '');
}

/** Every row's problems, before anything is written (issue 11 "Roster import"). */
export function checkRoster(table: RosterTable, ctx: RosterContext): RosterCheck {
  const where = new Map<RosterColumn, number>();
  const fileProblems: string[] = [];
  table.header.forEach((h, i) => {
    const column = rosterColumnOf(h);
    if (column && !where.has(column)) where.set(column, i);
  });
  const missing = ROSTER_COLUMNS.filter((c) => !where.has(c) && !OPTIONAL_COLUMNS.includes(c));
  if (missing.length > 0) {
    fileProblems.push(`缺少列：${missing.join('、')}。第一行应是列名：${ROSTER_COLUMNS.join('、')}（可下载模板对照）。`);
    return { fileProblems, rows: [], newGrids: [] };
  }
  if (table.rows.length === 0) fileProblems.push('表格只有列名，没有人员。');

  const mine = new Map(ctx.communities.map((c) => [c.name, c.id]));
  const known = new Set(ctx.grids.map((g) => `${g.communityId}|${g.name}`));
  const newGrids = new Set<string>();
  const seen = new Map<string, number>();
  const rows = table.rows.map(({ line, cells }) => {
    const get = (c: RosterColumn) => (where.has(c) ? (cells[where.get(c)!] ?? '').trim() : '');
    const problems: string[] = [];
    const name = get('姓名');
    const phone = normalisePhone(get('手机号'));
    const platformText = get('平台');
    const platformUserId = get('平台账号');
    const roleText = get('角色');
    const community = get('社区');
    const grid = get('网格');

    if (!name) problems.push('姓名为空');
    else if ([...name].length > 50) problems.push('姓名太长');
    if (!phone) problems.push('手机号为空');
    else if (!MOBILE.test(phone)) problems.push(`手机号“${get('手机号')}”不对，应为 11 位手机号`);
    const platform = PLATFORM_NAMES[platformText.toLowerCase()] ?? null;
    if (!platformText) problems.push('平台为空');
    else if (!platform) problems.push(`平台“${platformText}”不对，应为 企业微信 或 钉钉`);
    if (!platformUserId) problems.push('平台账号为空');
    else if (platformUserId.length > 128) problems.push('平台账号太长');
    const role = ROLE_NAMES[roleText.toLowerCase()] ?? null;
    if (!roleText) problems.push('角色为空');
    else if (!role) problems.push(`角色“${roleText}”不对，应为 党员 或 干部`);
    const communityId = mine.get(community) ?? null;
    if (!community) problems.push('社区为空');
    else if (communityId === null) {
      problems.push(ctx.allCommunityNames.has(community) ? `社区“${community}”不归您管理` : `没有叫“${community}”的社区`);
    }
    if ([...grid].length > 50) problems.push('网格名称太长');
    if (platform && platformUserId) {
      const key = `${platform}|${platformUserId}`;
      const first = seen.get(key);
      if (first !== undefined) problems.push(`与第 ${first} 行重复（同一平台账号）`);
      else seen.set(key, line);
    }
    if (problems.length === 0 && grid && communityId !== null && !known.has(`${communityId}|${grid}`)) newGrids.add(`${community} · ${grid}`);
    return { line, name, phone, platform, platformUserId, role, community, communityId, grid, problems };
  });
  return { fileProblems, rows, newGrids: [...newGrids] };
}
