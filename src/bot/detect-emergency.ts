import { normalizeText } from './normalize-text.ts';

// Gas, fire, smoke, electricity, a person fallen or trapped, a fight or theft under way, an old
// person or a child gone missing, or "紧急" make a report urgent (SPEC "Items"): the receipt comes first and names whom to call. A false alarm
// costs trust, so each signal is a phrase, not a character: 火锅, 火车站, 上火, 电梯广告 and
// 煤气费怎么交 are no emergencies, and "没有煤气味了", "容易摔倒", "以前有人打架" are not either.

export type EmergencyKind = 'gas' | 'fire' | 'electric' | 'lift' | 'injury' | 'missing' | 'crime' | 'urgent';
export type HotlineId = 'fire' | 'ambulance' | 'police' | 'gas' | 'power' | 'lift';
/** Whom to call. `number` is null where it is local (the gas company, the lift's maintainer). */
export type Hotline = { id: HotlineId; name: string; number: string | null };
export type Emergency = {
  /** The main kind, for the alert's wording. */
  kind: EmergencyKind;
  /** Every kind found, main kind first. */
  kinds: EmergencyKind[];
  /** Whom to call, most urgent first; empty for a plain "紧急". */
  hotlines: Hotline[];
};

export const HOTLINES: Record<HotlineId, Hotline> = {
  fire: { id: 'fire', name: '火警', number: '119' },
  ambulance: { id: 'ambulance', name: '急救', number: '120' },
  police: { id: 'police', name: '报警', number: '110' },
  gas: { id: 'gas', name: '燃气抢修', number: null },
  power: { id: 'power', name: '供电抢修', number: '95598' },
  lift: { id: 'lift', name: '电梯维保单位', number: null },
};

type Signal = {
  kind: EmergencyKind;
  re: RegExp;
  hotlines: HotlineId[];
  /** The signal means fire: 119 goes first whatever else is found. */
  fire?: boolean;
  /** Only when happening now (theft): "小区小偷多" is a wish for cameras, not a 110 call. */
  needsNow?: boolean;
};

// 煤汽: typed by pinyin input for 煤气.
const GAS = '(?:煤气|燃气|天然气|液化气|瓦斯|煤汽)';
const SIGNALS: Signal[] = [
  { kind: 'gas', re: new RegExp(`${GAS}(?:罐|管|管道|灶|表)?(?:味|泄漏|泄露|漏了|漏气|在漏|爆炸|炸了|中毒)|(?:闻到|一股|有股|很大的|好大的|浓浓的|很浓的|很重的)${GAS}|${GAS}(?:罐|管道?)?漏`, 'u'), hotlines: ['gas'] },
  // Gas smells of rotten eggs (the odorant): how many describe it.
  { kind: 'gas', re: /臭鸡蛋(?:的)?味|(?:灶|厨房|灶台|管子)[^，。,.!！]{0,8}(?:一股|有股)[^，。,.!！]{0,4}臭味/u, hotlines: ['gas'] },
  { kind: 'gas', re: new RegExp(`${GAS}报警器?(?:一直)?(?:在)?(?:响|叫)`, 'u'), hotlines: ['gas'] },
  // "燃气灶老打不着火 有时候还有点味儿": a stove that smells.
  { kind: 'gas', re: new RegExp(`${GAS}(?:灶|罐|管道?|表|阀门?)[^。]{0,16}(?:有(?:点|股|些)?(?:味儿?|味道|臭味)|漏)`, 'u'), hotlines: ['gas'] },
  { kind: 'gas', re: /(?:厨房|灶台?|管道|楼道)[^，。,.!！]{0,4}漏气|漏气[^，。,.!！]{0,3}(?:味道|很大|刺鼻)/u, hotlines: ['gas'] },
  { kind: 'fire', re: /(?:楼道|屋里|家里|走廊|房间)[^，。,.!！]{0,3}(?:都是|都系|全是|好多|好大的?)烟|着火|起火|失火|火灾|冒烟|浓烟|黑烟|(?<!油)烟很大|(?<!油)烟好大|大火(?![锅车腿柴龙])|火势|烧起来|烧着了|火光|明火|火苗|烟(?:雾|感)?报警器?(?:一直)?(?:在)?(?:响|叫)|烧焦(?:的)?味|焦糊(?:的)?味|爆炸|冒出(?:浓|黑|白)?烟|有烟冒出|烟[^，。,.!！]{0,4}(?:往上窜|往上冒|顺着楼梯|窜上来|灌进|进屋)/u, hotlines: ['fire'], fire: true },
  { kind: 'electric', re: /漏电(?!保护|开关|断路)|触电|被电(?:了|到|击)|电到(?:人|了)|电击/u, hotlines: ['power', 'ambulance'] },
  { kind: 'electric', re: /(?:电线|电箱|电表箱|配电箱|配电房|电闸|插座|电缆)[^，。,.!！]{0,3}(?:冒烟|冒火|起火|着火|打火|短路|烧了|烧焦|掉下来|断了|垂下来|吊下来|耷下来|裸露)|(?:冒|打|有|出)火花|电火花|高压线(?:断|掉)/u, hotlines: ['power', 'fire'] },
  // Water reaching a light or a socket: a shock waits for whoever touches the switch.
  { kind: 'electric', re: /(?:水|漏水)[^，。,.!！]{0,6}(?:漏到|流到|滴到|渗到|进了?)(?:了)?(?:灯|电线|插座|电箱|电表)|(?:灯|灯泡|电线|插座|电箱|电表)[^，。,.!！]{0,3}(?:都)?(?:在)?(?:滴水|进水|漏水|冒水)|(?:灯罩|灯座|灯泡|插座|开关|电箱|电表箱)(?:里|上)?(?:都是|全是|有|积了|进了)水/u, hotlines: ['power'] },
  // "电梯卡在四楼跟五楼中间 里面有一个阿嬷跟小孩": stuck between floors with people inside.
  // "九号楼电梯关牢人了" (沪语), "电梯把人圪卡住了 里头是个娃娃" (山西): shut in, said their way.
  { kind: 'lift', re: /电梯[^。.!！]{0,6}(?:关牢|困牢|关住|困住|卡住|圪卡住)(?:了)?人|电梯[^。.!！]{0,6}把人[^。.!！]{0,3}(?:卡住|关住|困住|关牢|关起|卡起|困起)|电梯[^。.!！]{0,6}(?:卡|关|困)(?:了|住了)?人了|电梯[^。.!！]{0,24}(?:里面|里头|里边)(?:是|有|还有)(?:个|一个)?(?:老太|老头|老人|小孩|孩子|娃)|(?:困|关|卡)(?:勒|喺)电梯|电梯[^。.!！]{0,20}(?:困|关在里|里面关着|关着(?:个|一个)?(?:人|老|小孩|孩子)|关了人|出不来|被关)|(?:困|关|卡)在电梯|被困[^，。,.!！]{0,3}电梯|电梯[^。.!！]{0,16}(?:卡在|卡住|停在)[^。.!！]{0,16}(?:里面|里头|里边)(?:有|还有|关着)(?:人|个|一个|两个|[老小])|人(?:被)?(?:关|困)在里(?:面|头|边)/u, hotlines: ['fire', 'lift'] },
  {
    kind: 'injury',
    re: /(?:从)?床上(?:翻|摔|掉|滚)下来|(?:她|他|(?<![个])人|老人|老伴|我妈|我爸|奶奶|爷爷|老太太|老头)[^，。,.!！]{0,4}(?:抬不动|扶不起来|扶不动)|(?:抬不动|扶不起来|扶不动)(?:她|他|人)|摔倒|跌倒|摔伤|摔了一跤|摔(?:在)?地上|起不来了?|喊不应|叫不醒|(?:老人|人|大爷|大妈|奶奶|爷爷|阿姨|叔叔|孩子|小孩|老太太|老头|邻居|老伴)[^，。,.!！]{0,4}摔(?:了|下来)|叫不应|(?<![咋怎么你您机器人系统手机怎])(?:人|他|她|老人|叫他|叫她|喊他|喊她|拍他|拍她)[^，。,.!！？?]{0,4}没反应了|跌伤|昏倒|晕倒|昏迷|不省人事|倒地|倒在地上|(?:有个?|一个)人躺(?:在)?地上|受伤|流血|出血|骨折|心脏病(?:发作|犯了)|中风了|脑梗了|抽搐|口吐白沫|喘不上气|呼吸困难|没(?:有)?呼吸|叫不醒|晕过去|砸伤|砸到人|烫伤|烧伤|被狗咬|(?:叫|喊|打|来了?)(?:个|辆)?救护车/u,
    hotlines: ['ambulance'],
  },
  // "孩子发烧39度了", "孩子发高烧 急": a child's high fever, or a fit, needs a doctor now.
  { kind: 'injury', re: /(?:孩子|小孩|娃|宝宝|儿子|女儿|老大|老二|小的)[^。.!！]{0,8}(?:发(?:高)?烧(?:到)?\s*(?:39|40|41|三十九|四十)|发高烧|高烧)|抽搐|抽风了|昏迷|呼吸困难|喘不上气/u, hotlines: ['ambulance'] },
  // Someone living alone who does not answer: a fall or worse behind the door.
  {
    kind: 'injury',
    re: /(?:我妈|我爸|老妈|老爸|老人|奶奶|爷爷|老太太|老爷子|老伴)[^。.!！]{0,12}电话[^，。,.!！]{0,12}(?:没人接|不接|打不通)|(?<!楼上|楼下)敲门[^，。,.!！]{0,6}(?:没人应|没得人应|冇人应|不应|没反应|没人开|不开)|(?:[两三四五几]+|好几)天(?:都)?没(?:见|看到|看见|见到)(?:他|她|人|老人)?出(?:门|来)/u,
    hotlines: ['ambulance', 'police'],
  },
  { kind: 'crime', re: /打架(?!子)|斗殴|打起来了|打人|砍人|持刀|拿刀|动刀|捅人|家暴|闹事|持械|绑架|抢劫|抢包|抢东西/u, hotlines: ['police'] },
  { kind: 'crime', re: /偷东西|小偷|入室|撬[^，。,.!！]{0,4}(?:门|锁|窗)|偷车|偷电动车|在偷|偷电瓶/u, hotlines: ['police'], needsNow: true },
  {
    kind: 'missing',
    re: /(?:老人|孩子|小孩|爷爷|奶奶|老伴|姥姥|姥爷|外婆|外公|大爷|大妈|老太太|老头|老爷子|儿子|女儿|闺女|孙子|孙女|我爸|我妈|老爸|老妈|父亲|母亲|我爹|我娘)[^。.!！]{0,16}(?:走丢|走失|不见了|找不到了|找不着了|联系不上了|没回来|还没回来|到现在没回来)(?!过)|(?:走丢|走失)了|(?<![有别乱])人(?:丢了|找不着了|找不到了)(?![一两二三四五六七八九十几\d]+[袋包个件堆箱块]|东西|垃圾)/u,
    hotlines: ['police'],
  },
  { kind: 'urgent', re: /救命|要跳楼|想跳楼|跳楼了|轻生|自杀/u, hotlines: ['police', 'ambulance'] },
  // A burst pipe floods the flats below within minutes: urgent, though no public number fixes it.
  { kind: 'urgent', re: /水管[^，。,.!！]{0,3}(?:爆了|爆裂|炸了|裂开了|崩了)|爆管|浸晒|漏落嚟|水(?:哗哗|哗啦啦)声|水(?:哗哗|哗啦啦)(?:的|地)?(?:往下)?(?:流|淌|冒)|(?:家里|屋里|楼下|地下室)(?:全|都)?(?:被)?淹了|(?<!污)水漫出来/u, hotlines: [] },
  { kind: 'urgent', re: /^急[!！]|紧急|十万火急|火急|急急急|很急|特别急|非常急|太急了|急死了|急事|快来人/u, hotlines: [] },
];

const OFFICE_ORDER = /^[的了]?[\s,，。]*(?:处理|办理)?[\s,，。]*(?:请|麻烦)?(?:派给|交给|指派给?|转给|交由|让[\u4e00-\u9fa5]{2,3}(?:去|负责|牵头)|期限|限期|今天之内|今天内|尽快处理)/u;
// Just before a signal, these say it is not happening: "没有煤气味", "不紧急", "防止摔倒".
// "能打着火了": a stove that lights again is no fire.
const NEGATED_BEFORE = /(?:没|没有|没得|无|不|别|未|防|非|(?<!是)不是|不算|并不|打|点|打得|点得|没有?要|不需要|用不着)$/u;
// Somewhat before: a worry, a risk or the past, not an emergency now.
const NOT_NOW_BEFORE = /(?:(?<![不一])会(?![儿议])|别把|别让|别叫|不要让|不要把|免得|省得|不然|要不然|否则|容易|怕(?!是)|恐|惊|唯恐|生怕|以防|担心|防止|小心|以免|避免|差点|差一点|可能会|会不会|万一|要是|如果|以前|之前|去年|上次|上个月|曾经|预防|提醒|注意|经常|老是|昨天|昨晚|昨儿|昨夜|昨个|前晚|前天|前两天|前几天|上周|上礼拜|上星期|上回|那回|那次|有过一回|有过一次|出过|新闻|听说|看到说|不知道|不晓得|天天|每天|总是|周[一二三四五六日]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|这礼拜|讲了|说了|讲讲|宣传)[^，。,.!！？?]{0,8}$/u;
// Anywhere in the message: it was news, it is over, or it is a worry ("着火了咋整" next to a pile of boxes).
const NOT_NOW_ANYWHERE = /谁负责|(?:摔|跌)[^，。]{0,8}(?:不能|下不了|不方便)[^。]{0,30}(?:想请人|请人帮|找人帮)[^。]{0,8}(?:买|拎|扛|送|拿)|住院了|已经住院|送(?:去|到)?医院了|(?:得|要)去[^，。]{0,6}医院[^。]{0,20}(?:去不了|接一下|顶班)|(?:燃气|煤气)公司的?(?:人|车)(?:已经)?来了|没事没事|打(?:什么|啥|么斯|么子)(?:110|120|119)|没(?:有)?人受伤|第一时间赶到|及时赶到|赶到现场|表扬|多亏了|险情(?:已)?排除|已排除|已通风|已换管|处理完毕|已处理(?:好|完)?|已修好|已解决|已经处理好|已经换了|已经修好|已经来了|已经到了|(?:救护车|120|119)也?(?:已经)?叫了|已经送(?:去)?医院了|咋个办|咋办|怎么办|新闻|听说|可能(?:是)?出去了|可能不在家|还好没|还好没事|没啥事|没什么事|没大碍|没事了|已经好了|已经没事|现在好多了|好多了|早就好了|注意(?:用电|用火|安全)|咋整|怎么整|隐患|口头禅|没那么严重|不用(?:打)?(?:110|120|119|报警)|开玩笑|打游戏|玩游戏|游戏里|电视里|电视剧|哈哈哈?|机器人|物业说|在等(?:配件|师傅|维修|厂家)|等配件|早就(?:烧|坏|断)|(?:吵|叮咣|噪音|装修|拖椅子|打麻将|蹦迪)[^。]{0,16}敲门[^，。]{0,4}(?:也)?不开/u;
// Inside the words of a signal: "电梯…上礼拜还困了个人" was last week.
const PAST_INSIDE = /上礼拜|上星期|上周|上回|上次|去年|以前|之前|昨天|昨晚|昨儿|昨夜|前天|那次|那回|这礼拜|这周|(?:周|星期|礼拜)[一二三四五六日天]|[二三四五六七八九十几]+分钟/u;
const HAPPENING_NOW = /一直在|到这会儿|这会儿还|还没回来|找不着了|谁看见了?|越来越|[!！]{2}|闻到|好大一股|一股|很大的?|很浓|很重|特别冲|呛|起不来|坐在地上|躺在地上|喊不应|叫不醒|正在|在偷|在撬|在砸|在抢|有人在|快来|现在|刚刚|刚才|抓住|跑了|赶紧|快点|快报警|马上/u;
// The cause first: smoke from a switch box is an electrical emergency that 119 also hears about.
const SETTING_BEFORE = /(?:设成|设为|设置为|改成|改为|标为|标成|调成|调为|列为|定为|算|恢复|所有|哪些|有没有|几个|几件|优先级?|那件|那个|这件|的事)\s*$/u;
const KIND_AFTER = /^(?:的)?(?:事项|事情?|单子|件|任务|都|有哪些|有几个|列|程度|优先)/u;

const ASKED_ABOUT = /(?:谁家|哪家|哪栋|哪个楼)[^。？?]{0,8}(?:漏|着火|起火|出事|冒烟)[^。]{0,16}(?:吗|么|没有?)[?？]?\s*$/u;
const ABOUT_AN_ITEM = /^(?:@\S+\s*)?#?\d{1,6}\s*号(?![楼栋院])[^。]{0,30}(?:分类|不算|改成|改为|期限|交给|转给|合并|并到|驳回|误报|发错)/u;

const ORDER: EmergencyKind[] = ['gas', 'electric', 'lift', 'fire', 'injury', 'missing', 'crime', 'urgent'];

/** The emergency a message describes, or null. */
export function detectEmergency(input: string): Emergency | null {
  const text = normalizeText(input);
  // "23号燃气泄漏不算治安，分类改一下": words about an item already raised, not a new alarm.
  if (ABOUT_AN_ITEM.test(text)) return null;
  if (NOT_NOW_ANYWHERE.test(text) && !HAPPENING_NOW.test(text)) return null;
  // "诶 刚才谁家煤气漏了 消防车来了吗": asking neighbours about what happened, not raising it.
  if (ASKED_ABOUT.test(text)) return null;
  const found: Signal[] = [];
  for (const signal of SIGNALS) {
    if (signal.needsNow && !HAPPENING_NOW.test(text)) continue;
    const re = new RegExp(signal.re.source, 'gu');
    for (const m of text.matchAll(re)) {
      const before = text.slice(Math.max(0, m.index - 16), m.index);
      if (NEGATED_BEFORE.test(before) || NOT_NOW_BEFORE.test(before) || PAST_INSIDE.test(m[0]) || /差点|差一点|险些|幸好没|还好没/u.test(m[0])) continue;
      // "…万一扶空了摔倒，髋部骨折就麻烦了": what a worry leads to, a clause later.
      if (/万一|以免|容易|担心|生怕|恐怕/u.test(text.slice(Math.max(0, m.index - 20), m.index)) && !HAPPENING_NOW.test(text)) continue;
      // "恐有跌倒之虞", "好惊困喺入面": a fear of what could happen, not what is happening.
      if (/^之虞|^的(?:危险|可能)/u.test(text.slice(m.index + m[0].length)) || /(?:惊|怕|担心|恐)[^，。,.!！]{0,2}(?:困|摔|跌)/u.test(m[0])) continue;
      // "满意 煤气味冇得了": gone now.
      if (/^[^，。,.!！]{0,2}(?:没得了|没了|没有了|散了|消了|已经没了|闻不到了)/u.test(text.slice(m.index + m[0].length))) continue;
      // "跟他讲了充电起火的厉害": the danger of it, told as a warning.
      if (/^的?(?:厉害|危险|隐患|风险|后果)/u.test(text.slice(m.index + m[0].length))) continue;
      // "电梯今年都困了好几回了": how often it has happened, not something happening now.
      if (/今年|去年/u.test(m[0]) || /^了?(?:好几|几|很多|多少|[两三四五六七八九十]+)(?:回|次)/u.test(text.slice(m.index + m[0].length))) continue;
      // "堵着道 着火了跑都跑不出去": what a fire would do, said of a hazard.
      if (/^了?[^，。,.!！]{0,2}(?:跑都跑不|逃都逃不|咋跑|怎么跑|往哪跑)/u.test(text.slice(m.index + m[0].length))) continue;
      // "楼上402家白天没人 敲门也没人开": nobody home, not someone who cannot answer.
      if (signal.kind === 'injury' && /敲门/u.test(m[0]) && /(?:白天|平时|上班|家里?|屋里|楼上)[^，。,.!！]{0,6}没人(?!应|开)/u.test(text) && !HAPPENING_NOW.test(text)) continue;
      // "楼上好像一直在漏水…我上去敲门没人开": a neighbour away while water comes through, no one hurt.
      if (signal.kind === 'injury' && /敲门/u.test(m[0]) && /漏水|渗水|滴水|往下滴/u.test(text)) continue;
      // "下礼拜二得上中医院拿药 想找个人陪着去 俺一个人扶不动他": why help is wanted, not a fall now.
      if (signal.kind === 'injury' && /扶不动|抬不动|扶不起来/u.test(m[0]) && /找(?:个)?人|请(?:个|一个|位|一位)?(?:人|志愿者)|陪(?:着|我|他|她)?(?:去|上|一下|同)|帮(?:忙|把手)/u.test(text) && (!HAPPENING_NOW.test(text) || (/复查|看病|挂号|下周|下礼拜|明天|后天/u.test(text) && !/摔|倒(?:在|地)|起不来/u.test(text)))) continue;
      // "上楼梯看不到 已经摔了一跤了 麻烦找人来修一下": a fall that happened, told as why to fix something.
      if (signal.kind === 'injury' && /已经$/u.test(before) && !HAPPENING_NOW.test(text)) continue;
      // "垃圾桶满出来了 味儿巨冲 救命 另外电梯…😅": 救命 as a figure of speech, among ordinary matters.
      if (m[0] === '救命' && /[\u{1F602}\u{1F605}\u{1F923}\u{1F62D}]|哈哈|笑死|另外|再一个/u.test(text)) continue;
      // "9号 设成紧急", "所有紧急的事项给我列一下": a setting or a kind of item, not a cry for help.
      if (signal.kind === 'urgent' && (SETTING_BEFORE.test(before) || KIND_AFTER.test(text.slice(m.index + m[0].length)))) continue;
      // "滑梯的事紧急，派给莫建国，今天之内处理": the office ranking a matter and handing it on.
      if (signal.kind === 'urgent' && OFFICE_ORDER.test(text.slice(m.index + m[0].length))) continue;
      found.push(signal);
      break;
    }
  }
  // "2 煤气 味 很大": words typed apart are read together once more.
  if (found.length === 0) return /[\u4e00-\u9fa5]\s+[\u4e00-\u9fa5]/u.test(text) ? detectEmergency(text.replace(/(?<=[\u4e00-\u9fa5])\s+(?=[\u4e00-\u9fa5])/gu, '')) : null;
  const kinds = ORDER.filter((k) => found.some((s) => s.kind === k));
  // "紧急" beside a real emergency adds nothing to say.
  const main: EmergencyKind = kinds.find((k) => k !== 'urgent') ?? 'urgent';
  const ordered = [main, ...kinds.filter((k) => k !== main)];
  // 触电 hurts a person; a leak alone needs the power company, not an ambulance.
  const hurt = kinds.includes('injury') || /触电|被电(?:了|到|击)|电到人|电击/u.test(text);
  // A fire first, then a person hurt; then whoever fixes the cause.
  const ids: HotlineId[] = [];
  if (found.some((s) => s.fire)) ids.push('fire');
  if (hurt) ids.push('ambulance');
  for (const kind of ordered) for (const s of found) if (s.kind === kind) ids.push(...s.hotlines);
  const hotlines = [...new Set(ids)].filter((id) => id !== 'ambulance' || hurt || kinds.includes('urgent'));
  return { kind: main, kinds: ordered, hotlines: hotlines.map((id) => HOTLINES[id]) };
}
