import { findRating } from './find-rating.ts';
import { normalizeText } from './normalize-text.ts';
import { isSmallTalkTopic } from './small-talk.ts';

/**
 * What plain words say about an item someone is involved in, when they are no command: "14号搬好了
 * 八盆花都搬到楼下花坛了" (done), "配件还没到 过几天再提醒我" (snooze), "十五号井盖我也去看看" (I'll
 * take it), "天花板还在往下滴水呢" (not fixed). Whose item it is decides what is done with it
 * (item-talk.ts). Pure.
 */
export type Talk =
  | { kind: 'status' }
  | { kind: 'snooze' }
  | { kind: 'release' }
  | { kind: 'withdraw' }
  | { kind: 'dispute' }
  | { kind: 'rating'; rating: number }
  | { kind: 'support' }
  | { kind: 'urgent' }
  | { kind: 'reopen' }
  | { kind: 'done' }
  | { kind: 'claim' }
  /** "学会啦！教得可耐心了，点个赞": pleased with it. */
  | { kind: 'praise' }
  | { kind: 'news' };

const STATUS = /几天能?(?:弄|修|办)?(?:好|完)|哪天(?:能)?(?:过)?来|咗未|(?:目前|现在)?(?:进展|进度)(?:如何|怎样|怎么样)|么样了|么子时候|(?:来过|来了|修了|弄了|办了|拉走了|清了|搬走了|修好了|弄好了|办好了|到了)没有?(?:啊|呀|呢)?(?=$|[\s,，。?？])|来没来|有信儿?没|有动静没|几时|好久(?:来|到)|了没|没有?[?？]*$|吗[?？]*$|[?？]$|几点|什么时候|啥时候|哪天来|多久|咋样了|怎么样了|有人接|有人管|有消息/u;
const SNOOZE = /提醒(?:先)?(?:停|暂停)|再提醒|暂停提醒|别(?:再)?(?:提醒|催)|不用(?:再)?(?:提醒|催)|先别催|晚点再催/u;
const RELEASE = /抽不开身|谁能帮忙接|去不成|替我一下|谁能替|麻烦别人了|让别人去|爬不了|退出|退了吧|我退了|不接了|抽不出|没(?:时间|空)(?:去|弄|管)?了|去不了|来不了|干不了|弄不了|做不了|办不了|顾不上|不用我(?:去|来|管)?了|换个人|换人吧|让别人|交给别人/u;
const WITHDRAW = /撤咗|唔使啦|撤了吧?|撤回|撤销|撤掉|不用(?:弄|修|办|来|管)?了|不需要了|不要了|用不着了/u;
const DISPUTE = /还没(?:修|弄|办|来|换|装|好|人来)|(?:人|师傅|志愿者)都?还?没(?:来|到|上门)|没(?:人|见人)来|怎么就(?:说)?(?:办好|好了|完成|修好|弄好|办结)|根本没(?:修|弄|来|办|人)|哪(?:里|儿)(?:修|弄|办)好了|谁说(?:修|弄|办)?好了|^不对啊?|还在(?:往下)?(?:滴|漏|流|冒|响|坏|堵)|又(?:坏|漏|不|堵|停|出)|没(?:修|弄|办|搞|清)(?:好|完)|还是(?:不|老样子|那样|坏|漏|堵)|不灵|不管用|没用|白修|不满意/u;
const SUPPORT = /^(?:也)?(?:一样|同样)|算(?:我|俺|阿拉|我们|咱)(?:家)?一(?:个|份|家)|附议|赶紧(?:修|弄|管|处理|来人)|快(?:点)?(?:来)?(?:修|弄|处理)|加我一个|算我一个|\+1|我家也|我们(?:家|单元|楼|这)?也(?:是|有|一样|这样|遇到)|我也(?:要)?反映|我也遇到|同样的问题/u;
const PRAISE = /点(?:个)?(?:大大的)?赞|好评|辛苦(?:了|你|您)|感谢|谢谢|太好了|真好|真不错|耐心|热心|学会(?:了|啦)|满意/u;
const URGENT = /(?<!不)(?:紧急|加急|急件|加个急)/u;
const REOPEN = /恢复一下|恢复过来|重新打开|重开|合并错|撤销合并|弄错了/u;
const DONE =
  /(?:[修弄搬办送装换做理洗剪买取拿清搞扛拧补焊接通扫收撒铲调整]|处理|解决|打扫|疏通|安装|更换)(?:好|完|妥|走|掉|上|上去|上来|到|正)[\u4e00-\u9fa5]{0,2}?(?:了|啦)|换了?(?:一?[根个只条块套])?新的|不会再[\u4e00-\u9fa5]{1,2}了|(?<![不没未])(?:现在|这回|终于|已经|灯)(?:又|都|也)?(?:亮|通|好使|能用)了|学会了|会用了|算成了|这事成了|(?:掏|疏)通了|通开了|没问题了|(?:送|拿|取)回(?:家|去|来)?了|(?:取|拿|买)回来了|送(?:家|过|到家)?去了|(?:复查|检查|看病|看完病|拿完药)完了|(?:电视|灯|门|锁|水龙头|龙头|马桶|空调|冰箱|洗衣机|热水器|网|信号|手机|收音机|电脑)(?:也|都|已经)?好了|教会(?:了|她|他)[\u4e00-\u9fa5]{0,8}了|(?:这单|这个|这件)?算(?:是)?(?:完|办完|完成|结)了|贼亮|可亮了|搞定|办结|完成了|完事了|结了吧|可以结了|灭了|没事了|没啥事了|会用了|正常了|盖好了|妥了|不返水了|不(?:晃|漏|堵|滴|滑|响)了|(?:协调|谈|沟通|说)好了|结了|干净了|救出来了|能用了|好使了|换新的?了|拧紧了|已经好了|都好了|弄妥了/u;
// "花盆我周六上午去搬", "我明早送完孩子顺路过去", "理发我会": 我, a few words, then 去/来 (not
// "我家孙子…摔下来": 我家 is no 我, 下来 no coming).
const CLAIM =
  /还是我(?:来|去|弄|的)?(?=$|[\s,，。])|我再(?:去|来|过去)(?:一趟|看看)|(?:^|[\s,，。])(?:马上|这就|立马|现在就?)(?:过去|去|过来)(?![了过])|顺路(?:去|过去)?(?:弄|修|看|办|送|拿)|我们?(?!家|们家|妈|爸|孙|老伴|儿|女|屋)[^，,。;；\s]{0,8}?(?:去|过去|(?<![下起出回上进])来)(?!过|了|的)|我(?:也)?(?:会|能|可以)(?![^，,。\s]{0,4}[吗？?])|交给我|我接|由我|我包了?|包在我身上|我认了|我认领/u;

// "灯修好了 那两根还得换灯头", "阀芯买到了 下午过去换", "贴了毛毡垫 再观察两天": part done, the
// rest still to do — news.
/** "明天上午叫车来拉", "下周派人来看": work still to come. */
export const LATER_WORK = /(?:明天|后天|下午|晚上|明早|下周[一二三四五六日]?|下礼拜|回头|过两天|改天)[^，。,]{0,8}?(?:(?:叫车|派人|来人)来?(?:拉|换|装|修|弄|送|安|接|清|运|搬|看)|(?:来|去|再)(?:拉|换|装|修|弄|送|安|接|清|运|搬)|给[^，。,]{0,3}(?:放|装|换|送)(?![好完了]))/u;
const NOT_YET = new RegExp(`${LATER_WORK.source}|还是(?:不|没|坏)|还没(?:好|修好|弄好)|还得|估计是?|再观察|观察(?:两|几|一)天|看看效果|(?:下午|明天|晚上|明早|待会儿?|等会儿?|回头|过两天|改天|周[一二三四五六日末])(?:再|就|才)?(?:过去|去|来|上门)?(?:换|装|修|弄|送|安|接)`, 'u');

export function talkAbout(text: string): Talk {
  const t = normalizeText(text).trim().replace(/俺/gu, '我');
  if (SNOOZE.test(t)) return { kind: 'snooze' };
  if (STATUS.test(t)) return { kind: 'status' };
  if (REOPEN.test(t)) return { kind: 'reopen' };
  if (RELEASE.test(t)) return { kind: 'release' };
  if (WITHDRAW.test(t)) return { kind: 'withdraw' };
  if (DISPUTE.test(t)) return { kind: 'dispute' };
  const rating = findRating(t);
  if (rating && rating.rating !== 'bad') return { kind: 'rating', rating: rating.rating };
  if (SUPPORT.test(t)) return { kind: 'support' };
  if (URGENT.test(t)) return { kind: 'urgent' };
  // "灯修好了 那两根还得换灯头": part done, the rest still to do — news.
  // "…晚上她孙子回来搬上去 这单算完了哈": said to be finished, whatever comes later.
  if (DONE.test(t)) return NOT_YET.test(t) && !/算(?:是)?(?:完|办完|完成|结)了|可以结了|结了吧/u.test(t) ? { kind: 'news' } : { kind: 'done' };
  if (CLAIM.test(t)) return { kind: 'claim' };
  if (PRAISE.test(t) && !isSmallTalkTopic(t)) return { kind: 'praise' };
  return { kind: 'news' };
}
