import type { ItemKind } from '../domain/types.ts';
import { AT_HOME } from './dialogue-words.ts';
import { TROUBLE } from './request-words.ts';

// "3栋2单元楼道灯坏了好几天了", "周六上午想找个人帮我看两个小时娃": the kind plain from the words, so the
// bot need not ask it (issue 12: it asks only for what is really missing). Pure; null when in doubt.

// Places and things everyone shares.
const PUBLIC =
  /楼道|盲道|台阶|空地|坡道|无障碍|电线|路灯|井盖|垃圾桶|垃圾|单元门|门禁|电梯|小区|广场|花园|滑梯|秋千|健身器材|停车|电动车|消防通道|下水道|化粪池|路面|树枝|大树|绿化|围墙|车棚|车库|监控|公厕|楼顶|楼梯|噪音|扰民|广场舞|音响|拖椅子|施工|工地|打桩|麻将馆|棋牌室|烧烤摊|假山|马路|北门|南门|东门|西门|大门|门口的?(?:路)?灯/u;
// What is wrong out there, in the words people use for it.
const WRONG_OUT_THERE = /松动|松了|没了|黑了|吊下来|垂下来|马蜂窝|蜂窝|野狗|停了好几|停了几辆|开得(?:特别|太|很|老)?大|声音?(?:特别|太|很)大|没法(?:集中|睡|学习)|晃|堆了|一大堆|堆满|挡路|有味道|臭|绊倒|撞到|针头|停了好多|停满|破损|塌陷|凹陷|缺了|丢了|被偷|没清|没人收|没人管|乱停|乱扔|乱堆|堵死|翘起|冒出来|断了|太大声|大声|睡不着|会翻|差点|不亮|黑乎乎|黑漆漆|一闪一闪|闪个不停|歹去|歹了|唔着|唔亮|全部不亮|没得(?:了|哒)?|偷走|好大的?(?:一个)?洞|又坏|坏了|坏哒|不动了?|打桩|吵得|哗啦|满出来|满了|满哉|冒尖|溢出来|哐当|开垦|占用|私自|被人(?:占|挖|种|堆)/u;
// Help for a household: someone to go, fetch, mind, accompany, come round.
const HOUSEHOLD_HELP =
  /给(?:我|俺|咱)家(?:装|修|换|弄|安)|整(?:哈|一下|下)?手机|(?:教|帮)(?:我|她|他)?(?:弄|整|用|学)?(?:手机|微信|视频)|(?:手机|微信|视频)[^。]{0,10}(?:不会|学不会)|理个?发|剪头|推(?:推|个)?头|上门给|有人(?:会|能)?(?:修|弄|帮)|(?:想|要|帮我|帮忙)买|(?:请|找|寻|叫)(?:个|一个|位|一位|两个|几个)?(?:人|志愿者)|教教|教下|来教|陪陪|陪下|陪一下|帮手买|覆诊|帮(?:我|我们)?把[^。]{0,12}(?:搬|扛|抬|挪)|扛[^。]{0,8}上来|有没有(?:人|志愿者)|谁(?:能|有空|可以|会)|帮(?:我|她|他|阿婆|奶奶|爷爷|老人)?(?:们)?(?:去|克|买|拿|取|送|看|修|调|换|搬|陪|接|照看)|陪(?:我|她|他|阿婆|奶奶|爷爷|老人)|帮忙(?:买|拿|取|送|看|修|调|换|搬|陪|接|照看)|代(?:买|取|购)|跑腿|看(?:两个小时|一下|会儿)?娃|照看|上门帮忙|(?:想|要)去医院|去医院复查|复查|看病|拿药|取药|买(?:点|些|袋|斤|几斤)?(?:菜|米|面|油|药|水果|牛奶|鸡蛋|肉|牛肉|羊肉)/u;

// "我家楼上天天半夜十二点还在蹦迪似的 咚咚咚的": a neighbour's noise is everyone's business (矛盾纠纷).
const NEIGHBOUR_NOISE = /(?:楼上|楼下|楼浪向|隔壁|对门|邻居)[^。]{0,40}(?:吵|嘈|咚|剁|蹦迪|噪音|敲敲打打|拖椅子|拖台子|拖凳|装修)[^。]{0,40}(?:睡不着|睡不找|困不着|瞓唔着|瞓不着|没法睡|受不了|吵死|管管)/u;
// Help only a household needs ("…井盖翘起来了 快找人弄一下" asks for a repair, not for a helper).
const FOR_A_HOUSEHOLD = /陪|买(?:点|些|滴)?菜(?![都也])|看(?:两个小时|一下|会儿)?娃|照看|医院|拿药|取药|代(?:买|取|购)|跑腿/u;
// Trouble inside a home, in more words than a report's.
const HOME_TROUBLE = new RegExp(`${TROUBLE.source}|滴|烧撇|(?<!发)烧了|烧坏|没声|不热|不暖|温乎乎|关不(?:紧|上|严|埋)|入水|漏风|灌风|往(?:进|里)灌|关唔紧|打不开|没信号|不转|不出水|没热水|没电|跳闸`, 'u');

// "想问下 社区有冇老年人免费体检 几时有": a question for the office (政策咨询), nothing broken, no help at home.
const INQUIRY = /(?:想问|请问|问一?下|咨询)[^。]{0,16}(?:有没有|有冇|有无|几时|什么时候|啥时候|怎么(?:办|申请|领|报名)|在哪(?:里)?(?:办|领|报名)|能不能(?:申请|办|领)|补贴|政策|体检|低保|医保|社保|养老金|老年卡|疫苗)/u;
export const isInquiry = (norm: string): boolean => INQUIRY.test(norm) && !HOME_TROUBLE.test(norm) && !WRONG_OUT_THERE.test(norm);

// "我想再反映一个…", "代居民登记一个心愿：…": the kind said in so many words; a scam is everyone's.
const SAID_REPORT = /(?:想|要|再|另外|还要|还想)反映(?:一个|一下|个|一件)?|反映(?:一个|一件)(?:情况|问题|事)|骗(?:老年人|老人|钱)|诈骗|传销|卖保健品/u;
const SAID_WISH = /(?:登记|许|提|报)(?:一个|个)?(?:微)?心愿/u;

// "…厕所顶上一直在滴水 是楼上四零一渗下来的 …麻烦你们帮我问下物业": a matter between homes, for 物业.
const FROM_UPSTAIRS = /楼上[^。]{0,16}(?:渗|漏)(?:水|下来|到)|(?:渗|漏)(?:下来|到我家)[^。]{0,24}(?:物业|社区|协调)|(?:问|找|叫)(?:下|一下)?物业|要物业来/u;

// "伲屋里米吃光哉", "降压药吃完了": a household's supplies run out; someone is to fetch more.
const SUPPLIES_OUT = /(?:米|面|油|药|菜|煤气罐?|液化气|尿不湿)(?:都|也|又|快)?(?:吃光|吃完|用完|用光|没了|没有了|冇了|吃没了)/u;

const HOME_ROOM = /(?:我|她|他|俺|自己|老人)家(?:里|的)?(?:卫生间|厨房|厕所|浴室|阳台|卧室)/u;
const WHOLE_ROW = /这一排都|一整排|整栋楼都|整个楼都|全楼都|我们这一排|我们这栋都/u;

export function clearKind(norm: string): ItemKind | null {
  if (SAID_WISH.test(norm) && !SAID_REPORT.test(norm)) return 'wish';
  if (SAID_REPORT.test(norm) && !SAID_WISH.test(norm)) return 'report';
  if (FROM_UPSTAIRS.test(norm) && !FOR_A_HOUSEHOLD.test(norm)) return 'report';
  if (isInquiry(norm) && !HOUSEHOLD_HELP.test(norm)) return 'report';
  if (NEIGHBOUR_NOISE.test(norm)) return 'report';
  // "她家卫生间下水道堵了": a drain in one home is that household's.
  if (HOME_ROOM.test(norm) && !/楼道|小区|公共|这一排|整栋/u.test(norm)) return HOME_TROUBLE.test(norm) ? 'wish' : null;
  // "暖气片不热…我们这一排都这样": a whole row or building is everyone's.
  if (WHOLE_ROW.test(norm) && HOME_TROUBLE.test(norm)) return 'report';
  const publicTrouble = PUBLIC.test(norm) && (TROUBLE.test(norm) || WRONG_OUT_THERE.test(norm));
  // ("电梯坏撇…有冇人帮手买滴菜": the lift is why; the groceries are what is asked.)
  if (publicTrouble) return FOR_A_HOUSEHOLD.test(norm) ? (/帮手|帮我|帮忙|有没有?人|谁能/u.test(norm) && HOUSEHOLD_HELP.test(norm) ? 'wish' : null) : 'report';
  if (HOUSEHOLD_HELP.test(norm)) return 'wish';
  if (SUPPLIES_OUT.test(norm) && !PUBLIC.test(norm)) return 'wish';
  // "我屋里厢水龙头一直滴滴滴": trouble at home is the household's.
  if (!PUBLIC.test(norm) && AT_HOME.test(norm) && HOME_TROUBLE.test(norm)) return 'wish';
  return null;
}
