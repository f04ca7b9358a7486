import type { Item } from '../db/rows.ts';
import { maskContact, maskName } from '../core/mask.ts';
import { extractPlace } from './extract-place.ts';

// What a group, a list or a digest may show of an item (SPEC: group posts never show a resident's
// full name, phone number or address). The ledger keeps the text as written for those who handle it.

// A room number after a building, unit or floor: "5号楼2单元301" → "5号楼2单元***".
const ROOM = /((?:\d|[一二三四五六七八九十])\s*号?\s*(?:单元|层|楼|栋|幢|座|门))\s*(\d{3,4}|[一二三四五六七八九][零〇一二三四五六七八九]{2,3})(?:\s*(?:室|号房|号|房))?(?![\d零〇一二三四五六七八九])/gu;
const ADDRESS_HIDDEN = '（地址略）';
const ALONE = /(?:她|他|我|俺|老人家?)?(?:是)?(?:独居|一个人住|孤寡|空巢|(?:子女|儿女)(?:都)?不在身边)(?:老人)?/gu;
// "去1502敲门了", "楼上1502天天半夜装修": a neighbour's door, named by its number alone (not 110, 120…).
const NEIGHBOUR = /((?:楼上|楼下|对门|隔壁|去|到|找)(?:就是|是|那家|那户|住的是)?\s*)(?!11[09]|12[02])(\d{3,4})(?:\s*(?:室|号房|房))?(?=\s*(?:的|家|那户|住户|业主|邻居|敲门|天天|半夜|晚上|装修|吵|[，。,.!！\s]|$))/gu;
// "我住201 他家202": a door number said of a home, without the building before it.
const DOOR = /((?:住|住在|家|家在|家是|门牌)\s*)(\d{3,4}|[一二三四五六七八九][零〇一二三四五六七八九]{2,3})(?:\s*(?:室|号房|号|房))?(?![\d零〇一二三四五六七八九])/gu;

// "702那家天天蹦迪": a door number standing for the household behind it.
const DOOR_OF_HOUSEHOLD = /(?<![\d号#])(?!11[09]|12[02])\d{3,4}(?=\s*(?:那家|那户|这家|这户|家的|的住户|的业主|住户|业主))/gu;

/**
 * The content as others may read it: phone and ID numbers masked (core/mask.ts); a wish is a
 * household's need, so any address in it is left out; a report's places are public spots, but a
 * room number in one is a home.
 */
export function publicText(item: Pick<Item, 'kind' | 'text'>, names: readonly string[] = []): string {
  // "她独居": that an elder lives alone is for those who help, not for a group (decision 0050).
  let text = maskContact(item.text).replace(ALONE, '（情况略）');
  // "我是…的王秀英": the submitter's own name in the text, masked as on the 提出人 line.
  for (const name of names) if ([...name].length >= 2) text = text.replaceAll(name, maskName(name));
  if (item.kind === 'wish') {
    for (let i = 0; i < 5; i++) {
      const address = extractPlace(text, { addressOnly: true });
      if (!address || !text.includes(address)) break;
      text = text.replace(address, ADDRESS_HIDDEN);
    }
  }
  return maskDoors(text);
}

/** Every door number, whoever's: a home is nobody else's business. */
function maskDoors(text: string): string {
  return text.replace(ROOM, '$1***').replace(DOOR, '$1***').replace(NEIGHBOUR, '$1***').replace(DOOR_OF_HOUSEHOLD, '***');
}

/** The place of a report is a public spot (room numbers masked); a wish's address stays private. */
export function publicPlace(item: Pick<Item, 'kind' | 'place'>): string | null {
  return item.kind === 'report' && item.place ? maskDoors(maskContact(item.place)) : null;
}
