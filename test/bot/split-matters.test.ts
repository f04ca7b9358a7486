import { describe, expect, it } from 'vitest';
import { splitMatters } from '../../src/bot/split-matters.ts';

// Issue 12: one message that tells two separate things is two items; one thing told on stays one.

const SPLIT: Array<[string, string[]]> = [
  ['楼道灯坏了好几天了，还有三楼垃圾桶满了也没人清', ['楼道灯坏了好几天了', '三楼垃圾桶满了也没人清']],
  ['1、路灯不亮 2、井盖松了', ['路灯不亮', '井盖松了']],
  ['反映两个事：1.楼道灯坏了 2.垃圾没人清', ['楼道灯坏了', '垃圾没人清']],
  ['一是路灯不亮，二是井盖松了', ['路灯不亮', '井盖松了']],
  ['楼道灯坏了。垃圾桶满了没人清', ['楼道灯坏了', '垃圾桶满了没人清']],
  ['楼道灯坏了还有三楼垃圾桶满了', ['楼道灯坏了', '三楼垃圾桶满了']],
  ['水管漏水了 另外楼下的下水道也堵了', ['水管漏水了', '楼下的下水道也堵了']],
  ['单元门坏了 顺便说一下 车棚里电动车乱停', ['单元门坏了', '车棚里电动车乱停']],
  ['3号楼电梯坏了，还有5号楼门口路灯不亮', ['3号楼电梯坏了', '5号楼门口路灯不亮']],
  ['电梯坏了 还有楼梯扶手也松了 另外车棚顶漏雨', ['电梯坏了', '楼梯扶手也松了', '车棚顶漏雨']],
  // Trial 26: a thing named again beside a new one, and a place of its own.
  ['9栋后面车棚顶棚塌了一角 另外车棚那边路灯也不亮 晚上停车看不见', ['9栋后面车棚顶棚塌了一角', '车棚那边路灯也不亮 晚上停车看不见']],
  ['会所gym的treadmill坏了一台，屏幕不亮；另外儿童乐园的slide有个螺丝松了，小孩玩很危险', ['会所gym的treadmill坏了一台，屏幕不亮', '儿童乐园的slide有个螺丝松了，小孩玩很危险']],
  // Trials 34 and 35: announced as two, told with 一个是/再一个是, a numbered list of things gone wrong.
  ['我说两个事啊 一个是七号楼门口那个路灯黑了好几天了 再一个是楼后边那个垃圾桶都满出来了 臭烘烘的', ['七号楼门口那个路灯黑了好几天了', '楼后边那个垃圾桶都满出来了 臭烘烘的']],
  ['九号楼一门楼道灯又不亮了 另外一楼那个单元门也关不上了', ['九号楼一门楼道灯又不亮了', '一楼那个单元门也关不上了']],
  ['俺再说俩事 1.三号楼前边便道地砖翘起来好几块 2.小花园那个健身器材转腰的那个轴掉了', ['三号楼前边便道地砖翘起来好几块', '小花园那个健身器材转腰的那个轴掉了']],
  ['地库C区有个车位被人长期堆杂物 另外消防通道那边也天天被电瓶车堵起', ['地库C区有个车位被人长期堆杂物', '消防通道那边也天天被电瓶车堵起']],
  ['俺说俩事啊 一个是10号楼后头那个井盖子翘起来了 再一个是健身器材那个轴承响得很', ['10号楼后头那个井盖子翘起来了', '健身器材那个轴承响得很']],
];

const ONE: string[] = [
  '灯坏了，还有点闪',
  // Urgent: the alert carries every word.
  '电梯坏了，还有老人被困在里面',
  // The same thing told on.
  '电梯又坏了。电梯里还有股臭味',
  '水管漏了，还有墙也被泡坏了',
  '路灯坏了，另外路灯旁边那个也坏了',
  // A question after the matter is no matter.
  '我家灯坏了，还有就是想问问什么时候来修',
  '路灯坏了，还有人在楼道抽烟',
  '楼道灯坏了',
  '1号楼的灯坏了',
];

describe('splitMatters', () => {
  it.each(SPLIT)('%s → its matters', (text, parts) => {
    expect(splitMatters(text)).toEqual(parts);
  });
  it.each(ONE)('%s → one matter', (text) => {
    expect(splitMatters(text)).toEqual([text]);
  });
});
