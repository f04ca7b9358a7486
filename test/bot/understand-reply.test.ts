import { describe, expect, it } from 'vitest';
import { afterConfirmation, understandReply, type ReplyMeaning } from '../../src/bot/understand-reply.ts';

// Answers to "#12 已办结，满意吗？" and to the revisit "#12 还好吗？", as residents write them.

const asked = { kind: 'confirm', itemId: 12, itemText: '5栋门口的路灯不亮，晚上黑' } as const;
const revisit = { kind: 'revisit', itemId: 12, itemText: '5栋门口的路灯不亮，晚上黑' } as const;
const confirm = (rating: number | null, comment = ''): ReplyMeaning => ({ kind: 'confirm', itemId: 12, rating, comment });
const dispute = (reason: string): ReplyMeaning => ({ kind: 'dispute', itemId: 12, reason });

const afterDone: Array<[string, ReplyMeaning | null]> = [
  // Trial 25: praise in dialect, stars counted in 粒, a complaint after a concession with 可.
  ['黄老师硬是要得 灯亮得很 安逸 巴适得板', confirm(null, '黄老师硬是要得 灯亮得很 安逸 巴适得板')],
  ['多谢晒个后生仔 俾佢五粒星', confirm(5, '多谢晒个后生仔')],
  ['太好了 杨阿姨特别耐心，五星！', confirm(5, '太好了 杨阿姨特别耐心')],
  ['路灯是亮了 可井盖还晃荡着呢 咋就算完了', dispute('路灯是亮了 可井盖还晃荡着呢 咋就算完了')],
  // Trial 26: "这也叫修好？", two matters and one done; no verdict yet.
  ['就拿块塑料布糊上了 风一吹就掉 这也叫修好？', dispute('就拿块塑料布糊上了 风一吹就掉 这也叫修好？')],
  ['小连，灯是修好了，我谢谢周师傅，可是我反映的是两个事，下水道那个还没人管呢，这个不能算办完了吧', dispute('小连，灯是修好了，我谢谢周师傅，可是我反映的是两个事，下水道那个还没人管呢，这个不能算办完了吧')],
  ['水是不漏了 可我家卫生间吊顶泡变形了 灯到现在都不敢开 这算办完了？', dispute('水是不漏了 可我家卫生间吊顶泡变形了 灯到现在都不敢开 这算办完了？')],
  ['先观察两天 再说', { kind: 'later', itemId: 12 }],
  ['井盖还没干呢 明天小李还要来看 等看完了我在说', { kind: 'later', itemId: 12 }],
  // Trial 20: thanks to the one who did it, another thing's name beside 满意, the record set
  // straight, complaints that it came back, and small talk.
  ['满意 燃气公司来得挺快的', confirm(5, '燃气公司来得挺快的')],
  ['多亏了刘师傅 不然我一个人真不知道怎么办', confirm(null, '多亏了刘师傅 不然我一个人真不知道怎么办')],
  ['好好 老刘手艺没得说', confirm(null, '好好 老刘手艺没得说')],
  ['不是要登记 我是说满意', confirm(5)],
  ['摊是清了 可城管一走他们第二天又摆回来了 有啥用', dispute('摊是清了 可城管一走他们第二天又摆回来了 有啥用')],
  ['今天天气真好', null],
  // Trial 21: a digit before a star glyph, a double negative.
  ['👍👍 静姐辛苦啦 给5⭐', confirm(5, '👍👍 静姐辛苦啦')],
  ['5⭐', confirm(5)],
  // Trial 22: money is no score; the rest of the same job is a complaint about it.
  ['满意非常满意小马这孩子实在 一分钱都不要', confirm(5, '非常满意小马这孩子实在 一分钱都不要')],
  // Trial 23: tired out is no breakdown; a score with a grumble is a score; a light that went out again.
  ['孙师傅让我替他说声谢谢，他说李姐推轮椅上上下下累坏了，非常满意', confirm(5, '孙师傅让我替他说声谢谢，他说李姐推轮椅上上下下累坏了')],
  ['人是救出来了 可物业值班电话一直打不通这个得说道说道 先给三星吧', confirm(3, '人是救出来了 可物业值班电话一直打不通这个得说道说道 先')],
  ['北门垃圾房清干净了 就是希望以后能按时收 别又堆三天 给个四星', confirm(4, '北门垃圾房清干净了 就是希望以后能按时收 别又堆三天')],
  ['灯是亮了，但亮了十分钟又灭了，应该是接触不良。', dispute('灯是亮了，但亮了十分钟又灭了，应该是接触不良。')],
  ['？？我是说满意啊 五星 不是不满意', confirm(5, '？？我是说满意啊，满意')],
  ['满意，谢谢', confirm(5, '谢谢')],
  ['满意', confirm(5)],
  ['非常满意', confirm(5)],
  ['很满意谢谢刘书记', confirm(5, '谢谢刘书记')],
  // Words that set a score right are no comment on the work.
  ['改成四星吧', confirm(4)],
  ['刚才打错了 应该是5星', confirm(5)],
  ['不好意思 刚才点错了 是满意', confirm(5)],
  ['好评 给五星', confirm(5)],
  ['非常满意，谢谢刘书记！', confirm(5, '谢谢刘书记！')],
  ['挺好的 五星', confirm(5, '挺好的')],
  ['五星好评', confirm(5)],
  ['5星', confirm(5)],
  ['５分', confirm(5)],
  ['5', confirm(5)],
  ['给5分，小伙子很热心', confirm(5, '小伙子很热心')],
  ['★★★★★', confirm(5)],
  ['⭐⭐⭐⭐', confirm(4)],
  ['四颗星吧', confirm(4)],
  ['比较满意', confirm(4)],
  ['基本满意，就是来得有点晚', confirm(4, '就是来得有点晚')],
  ['一般', confirm(3)],
  ['还行吧', confirm(3)],
  ['凑合', confirm(3)],
  ['不太满意', confirm(2)],
  ['好的', confirm(null)],
  ['好', confirm(null)],
  ['嗯嗯', confirm(null)],
  ['是', confirm(null)],
  ['是的', confirm(null)],
  ['可以', confirm(null)],
  ['确认', confirm(null)],
  ['谢谢', confirm(null, '谢谢')],
  ['谢谢你们', confirm(null, '谢谢你们')],
  ['辛苦了', confirm(null, '辛苦了')],
  ['修好了，谢谢', confirm(null, '修好了，谢谢')],
  ['灯亮了，谢谢小刘', confirm(null, '灯亮了，谢谢小刘')],
  ['没问题，谢谢', confirm(null, '没问题，谢谢')],
  ['不错', confirm(null, '不错')],
  ['很快，态度也好', confirm(null, '很快，态度也好')],
  ['👍', confirm(null, '👍')],
  ['@连心 满意', confirm(5)],
  ['挺满意的', confirm(5)],
  ['满意满意', confirm(5)],
  ['可以可以', confirm(null)],
  ['好滴', confirm(null)],
  ['还可以吧', confirm(3)],
  ['一般般吧', confirm(3)],
  // A worry about later is no complaint now; 给他打 belongs to the rating.
  ['一般般吧 修是修了 就怕过两天又坏', confirm(3, '修是修了 就怕过两天又坏')],
  // Dialect complaints after a done notice (a trial): not a confirmation.
  ['热是热了一哈哈 到晚上又冰凉了 还是不得行', dispute('热是热了一哈哈 到晚上又冰凉了 还是不得行')],
  ['一点用都没有', dispute('一点用都没有')],
  // A score in numbers over a word; granted-but is a complaint.
  ['挺满意得 打4分吧', confirm(4, '挺满意得')],
  ['装是装上了 就是有点斜 衣裳一挂就滑到一头去了', dispute('装是装上了 就是有点斜 衣裳一挂就滑到一头去了')],
  ['小李这孩子真不错 给他打五分', confirm(5, '小李这孩子真不错')],
  ['嗯，修好了', confirm(null, '嗯，修好了')],
  ['谢谢关心，已经修好了', confirm(null, '谢谢关心，已经修好了')],
  ['修得不错', confirm(null, '修得不错')],
  // complaints before confirmation: disputes
  ['还是老样子', dispute('还是老样子')],
  ['没修好', dispute('没修好')],
  ['又坏了', dispute('又坏了')],
  ['不满意', dispute('')],
  ['不满意 灯还是不亮', dispute('灯还是不亮')],
  ['不满意，根本没人来', dispute('根本没人来')],
  ['非常不满意', dispute('')],
  ['否', dispute('')],
  ['不行，还是漏水', dispute('还是漏水')],
  ['灯还是不亮', dispute('灯还是不亮')],
  ['根本没人来过', dispute('根本没人来过')],
  ['修好了，但是晚上又不亮了', dispute('修好了，但是晚上又不亮了')],
  ['还没修好呢', dispute('还没修好呢')],
  ['差评', dispute('差评')],
  ['不怎么样', dispute('不怎么样')],
  ['不太好', dispute('不太好')],
  ['我看还是不行', dispute('我看还是不行')],
  ['都没人来看过', dispute('都没人来看过')],
  ['没有修好啊', dispute('没有修好啊')],
  // not answers: commands, new topics, questions back, chatter
  ['修好了吗？', null],
  ['认领13', null],
  ['确认 12 5', null],
  ['反映 3号楼电梯坏了', null],
  ['3号楼的电梯又坏了', null],
  // Another thing than the item's (a lamp): a new topic, with or without a place.
  ['电梯又停了 三天第二回了', null],
  ['太感谢了！不过后面还有两个礼拜呢', dispute('太感谢了！不过后面还有两个礼拜呢')],
  ['啥就办结了？灯还黑着呢', dispute('啥就办结了？灯还黑着呢')],
  ['心愿 想要个助听器', null],
  ['哈哈', null],
  ['帮助', null],
  ['我的', null],
  ['', null],
];

const afterConfirmationRevisit: Array<[string, ReplyMeaning | null]> = [
  ['好的没问题', { kind: 'still_fixed', itemId: 12, comment: '' }],
  ['是', { kind: 'still_fixed', itemId: 12, comment: '' }],
  ['好的', { kind: 'still_fixed', itemId: 12, comment: '' }],
  ['挺好的，谢谢关心', { kind: 'still_fixed', itemId: 12, comment: '挺好的，谢谢关心' }],
  ['一直好好的', { kind: 'still_fixed', itemId: 12, comment: '一直好好的' }],
  ['正常', { kind: 'still_fixed', itemId: 12, comment: '正常' }],
  ['还好', { kind: 'still_fixed', itemId: 12, comment: '还好' }],
  ['没坏，挺好', { kind: 'still_fixed', itemId: 12, comment: '没坏，挺好' }],
  ['谢谢', { kind: 'still_fixed', itemId: 12, comment: '谢谢' }],
  ['否', { kind: 'reopen', itemId: 12, reason: '' }],
  ['还是老样子', { kind: 'reopen', itemId: 12, reason: '还是老样子' }],
  ['没修好', { kind: 'reopen', itemId: 12, reason: '没修好' }],
  ['不行，还是漏', { kind: 'reopen', itemId: 12, reason: '还是漏' }],
  ['又坏了', { kind: 'new_report', linkedTo: 12, text: '又坏了' }],
  ['灯又不亮了', { kind: 'new_report', linkedTo: 12, text: '灯又不亮了' }],
  ['又坏了，晚上黑乎乎的', { kind: 'new_report', linkedTo: 12, text: '又坏了，晚上黑乎乎的' }],
  ['不好，前天又坏了', { kind: 'new_report', linkedTo: 12, text: '前天又坏了' }],
  ['3号楼电梯坏了', null],
  ['查询 12', null],
  ['嘿嘿', null],
  ['好着呢', { kind: 'still_fixed', itemId: 12, comment: '好着呢' }],
  ['又漏水了', { kind: 'new_report', linkedTo: 12, text: '又漏水了' }],
  ['不好', { kind: 'reopen', itemId: 12, reason: '' }],
];

describe('understandReply', () => {
  it.each(afterDone)('after a done notice: %j', (text, expected) => expect(understandReply(text, asked)).toEqual(expected));
  it.each(afterConfirmationRevisit)('at the revisit: %j', (text, expected) => expect(understandReply(text, revisit)).toEqual(expected));

  it('answers nothing when the bot asked nothing', () => {
    expect(understandReply('满意，谢谢', null)).toBeNull();
    expect(understandReply('又坏了', null)).toBeNull();
  });

  it('counts a place of its own as a new topic only when it knows the item', () => {
    expect(understandReply('3号楼的电梯又坏了', { kind: 'confirm', itemId: 12 })).toEqual(dispute('3号楼的电梯又坏了'));
    expect(understandReply('5栋门口还是不亮', asked)).toEqual(dispute('5栋门口还是不亮'));
  });

  it('takes 是/否 with this item number, not with another', () => {
    expect(understandReply('否 12', revisit)).toEqual({ kind: 'reopen', itemId: 12, reason: '' });
    expect(understandReply('否 13', revisit)).toBeNull();
  });
});

describe('afterConfirmation', () => {
  it.each([
    ['又坏了', 'new_report'],
    ['又不亮了', 'new_report'],
    ['前几天又漏了', 'new_report'],
    ['还是老样子', 'reopen'],
    ['根本没修好', 'reopen'],
    ['', 'reopen'],
  ] as const)('%j → %s', (reason, rule) => expect(afterConfirmation(reason)).toBe(rule));
});
