import { normalizeText } from './normalize-text.ts';

// A place already written in a report ("反映 3号楼东门的路灯坏了") is its place, so the bot asks only
// for what is really missing. A place is a chain of parts written next to each other: anchors that
// say where on their own (3号楼, 5栋, 2单元, 东门, 幸福路12号, 地下车库, 菜市场) and modifiers that only
// narrow an anchor down (一楼, 502, 楼道, 旁边, 门口). A modifier alone ("楼道里", "门口") is too
// vague to file, and the bot still asks.

type Part = { end: number; anchor: boolean; address: boolean };

const NUM = '(?:\\d{1,4}|[一二三四五六七八九十两〇零]{1,3}|[A-Za-z])';
const BUILDING = new RegExp(`^${NUM}\\s*(?:[#＃]楼?|号楼|号院|栋楼?|[动洞](?=\\s*(?:\\d|[一二三四五六七八九零〇]{2}))|幢|座|号门(?![禁卡铃锁牌把框])|期|区)`, 'u');
const UNIT = new RegExp(`^${NUM}\\s*单元`, 'u');
const FLOOR = new RegExp(`^(?:${NUM}\\s*(?:楼|层)|地下${NUM}?层?|负${NUM}层?)(?![道梯下上])`, 'u');
// 502, or 五零二 read digit by digit as people say a room.
const ROOM = /^(?:\d{3,4}|[一二三四五六七八九][零〇一二三四五六七八九]{2,3})\s*(?:室|号房|号|房间?)?(?![\d零〇一二三四五六七八九])/u;
const GATE = /^(?:(?:小区|社区)?(?:[东南西北]{1,2}|正|大|侧|后|前|小)门(?:口|外(?!面)|内|里(?!面))?|(?:小区|社区)门口?)(?:岗亭|门卫室?|保安亭)?/u;
const LANDMARK = new RegExp(
  '^(?:地下车库|地下停车场|地库|车库|停车场|停车棚|地下室|菜市场|农贸市场|超市|岗亭|门卫室?|保安亭|广场|公园|幼儿园|小学|中学|学校|' +
    '医院|社区医院|卫生(?:服务)?(?:站|中心)|药店|银行|公交站|公交车站|地铁站|地铁口|垃圾站|垃圾房|垃圾分类点|垃圾中转站|快递柜|快递站|' +
    '菜鸟驿站|驿站|活动中心|活动室|党群服务中心|服务中心|居委会|物业(?:办公室|中心|服务中心|处)|篮球场|健身(?:器材|区|广场|路径)|' +
    '球场|花坛|绿化带|凉亭|长廊|车棚|自行车棚|电动车棚|充电棚|配电房|配电室|水泵房|消防通道|天台|楼顶|老年(?:活动)?中心|食堂|' +
    '便利店|小卖部|游乐场|游乐区|儿童游乐区|儿童乐园|中心花园|小花园|中心广场|小广场|滑梯|秋千|河边|桥下|桥头|绿地|空地|后院|院子里|' +
    // "花园里头靠假山那盏路灯", "马路对面那个工地": the estate's own garden, a building site across the road.
    '花园|假山|建筑工地|工地|马路对面|马路边|麻将馆|棋牌室)',
  'u',
);
// "小区", "社区" narrow nothing alone; before a part they belong to the place: 社区活动中心门口.
const COMMUNITY = /^(?:小区|社区)(?:的)?/u;
const MODIFIER = new RegExp(
  '^(?:前面|后面|上面|下面|楼道|楼梯间|楼梯口|楼梯|电梯口|电梯间|电梯厅|电梯里|门口|楼下|楼上|楼前|楼后|楼顶|旁边|附近|对面|周边|周围|里面|外面|' +
    '里头|外头|那边|这边|[东南西北](?:侧|边|面|头)|拐角|转角|路口|边上|一侧|入口|出口|大厅|门前|窗外|过道|走廊|人行道|坡道|[Bb负]\\d(?:层)?)',
  'u',
);
// One character that narrows the part just before it: 路上, 楼下, 门外, 车库里. Not 下水道, 上周.
const SUFFIX = /^(?:里|内|外|边|旁|前|后|处|口|(?:上|下)(?![周次午个月班学雨来去水面]))/u;

const ROAD_END = /(?:大街|大道|胡同|路|街|巷)(?![灯面由费况人程障基线过])/gu;
// A named estate narrows nothing alone ("阳光小区" is the whole community) but starts an address.
const ESTATE_END = /(?:小区|花园|家园|新村|公寓|大厦|苑)(?=\s*(?:\d|[一二三四五六七八九十两]{1,3}(?:号|栋|幢|单元)|[A-Za-z]座|[东南西北]门))/gu;
const ROAD_NUMBER = new RegExp(`^\\s*${NUM}\\s*(?:号院|号楼|号|弄|巷)`, 'u');
// Characters that end a road's name when reading backwards: "在幸福路", "反映人民路", "过马路".
// Verbs and negations end it too: "看不见路", "认不得路", "想找人修路" are no roads.
const NAME_STOP = /[在的了是到从我你他她它们咱家说有往去来个条这那边里旁映事题要帮把被给让请就都也还又再很太最啊吧呢吗着过对向沿经不没看见找修走记住认得错想\s\d]/u;
const GENERIC_ROADS = new Set(['马路', '道路', '公路', '小路', '大路', '一路', '水路', '电路', '线路', '网路', '思路', '走路', '出路', '进路', '上路', '门路', '铁路', '大街', '小街', '小巷', '街', '路']);

export type PlaceOptions = {
  /** For a wish: only an address (building, unit, road and number) is a place; "超市" is not a home. */
  addressOnly?: boolean;
};

/**
 * The place written in a message, as typed ("3号楼东门", "5栋2单元", "小区南门", "幸福路12号",
 * "东门岗亭旁边", "2号楼3单元502", "地下车库", "菜市场旁边"), or null when there is none specific enough.
 */
// Words a place's name may be caught with at its start (Cantonese 系/上嚟 among them).
const LEAD_WORDS = /^(?:(?:直接|接)?上嚟|上来|过来|系|社区(?=\d))+/u;

export function extractPlace(input: string, options: PlaceOptions = {}): string | null {
  const text = normalizeText(input);
  const roads = findNamed(text);
  // An address said twice, the second time whole ("帮7号楼的孙奶奶… 住7号楼2单元301"): the whole one.
  let found: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const first = partAt(text, i, roads, true);
    if (!first) continue;
    let end = first.end;
    let anchor = first.anchor;
    let address = first.address;
    for (;;) {
      const gap = /^(?:\s|的)?/u.exec(text.slice(end))![0].length;
      // "困了人在里面 12栋": a space after words that only narrow ends them; the place starts anew.
      if (!anchor && gap > 0 && /\s/u.test(text[end]!)) break;
      const next = partAt(text, end + gap, roads, false) ?? (gap === 0 ? suffixAt(text, end) : null);
      if (!next) break;
      end = next.end;
      anchor ||= next.anchor;
      address ||= next.address;
    }
    if (options.addressOnly ? address : anchor) {
      // "系桂花苑7栋", "接上嚟…", "社区9栋": a verb or a bare 社区 before the place is no part of it.
      const place = input.slice(i, end).trim().replace(LEAD_WORDS, '');
      if (place !== '' && !options.addressOnly) return place;
      if (place !== '' && (found === null || (place.length > found.length && normalizeText(place).replace(/\s+/gu, '').startsWith(normalizeText(found).replace(/\s+/gu, ''))))) found = place;
    }
    i = end - 1;
  }
  return found;
}

function suffixAt(text: string, at: number): Part | null {
  const m = SUFFIX.exec(text.slice(at));
  return m ? { end: at + m[0].length, anchor: false, address: false } : null;
}

function partAt(text: string, at: number, roads: Map<number, Part>, first: boolean): Part | null {
  const road = roads.get(at);
  if (road) return road;
  const rest = text.slice(at);
  // A number inside a longer number is not a building: "12345号楼" starts at 1.
  if (first && at > 0 && /[\dA-Za-z]/u.test(text[at - 1]!) && /^[\dA-Za-z]/u.test(rest)) return null;
  let m = BUILDING.exec(rest) ?? UNIT.exec(rest);
  if (m) return { end: at + m[0].length, anchor: true, address: true };
  m = GATE.exec(rest) ?? LANDMARK.exec(rest);
  if (m) return { end: at + m[0].length, anchor: true, address: false };
  m = COMMUNITY.exec(rest) ?? FLOOR.exec(rest) ?? MODIFIER.exec(rest);
  if (m) return { end: at + m[0].length, anchor: false, address: false };
  // A room number only follows a building, unit or floor: "3单元502", not "我家502".
  if (!first) {
    m = ROOM.exec(rest);
    if (m) return { end: at + m[0].length, anchor: false, address: false };
  }
  return null;
}

/** Named roads, streets and estates, keyed by where their name starts: "幸福路", "人民路12号", "阳光小区". */
function findNamed(text: string): Map<number, Part> {
  const roads = new Map<number, Part>();
  for (const m of text.matchAll(ROAD_END)) {
    const start = nameStart(text, m.index);
    const name = text.slice(start, m.index + m[0].length);
    if (start === m.index || GENERIC_ROADS.has(name)) continue;
    const number = ROAD_NUMBER.exec(text.slice(m.index + m[0].length));
    roads.set(start, { end: m.index + m[0].length + (number?.[0].length ?? 0), anchor: true, address: number !== null });
  }
  for (const m of text.matchAll(ESTATE_END)) {
    const start = nameStart(text, m.index);
    if (start < m.index && !roads.has(start)) roads.set(start, { end: m.index + m[0].length, anchor: false, address: false });
  }
  return roads;
}

/** Reads a name backwards from `end`: up to five characters, stopping at words that are not names. */
function nameStart(text: string, end: number): number {
  let start = end;
  while (start > 0 && end - start < 5 && /[\u4e00-\u9fa5]/u.test(text[start - 1]!) && !NAME_STOP.test(text[start - 1]!)) start--;
  return start;
}

/** The text with the place it names left out: "五栋二单元" shared by two matters is no shared subject. */
export function withoutPlace(text: string): string {
  const place = extractPlace(text);
  return place ? text.replace(place, ' ') : text;
}
