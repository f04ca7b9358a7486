// A first guess an official can correct (设置 N 分类): a report's category from its words. Whether it
// is urgent is bot/detect-emergency.ts's call (phrases with negation, so 煤气费 is no gas leak).
const KEYWORDS: Record<string, readonly string[]> = {
  基础设施: ['路灯', '灯', '电梯', '水管', '管道', '井盖', '道路', '路面', '停电', '停水', '漏水', '下水道', '堵', '门禁', '楼梯', '扶手', '围墙', '充电桩', '健身器材', '单杠', '双杠', '坡道', '无障碍', '台阶', '座椅', '长椅'],
  环境卫生: ['垃圾', '卫生', '脏', '臭', '污水', '积水', '杂物', '小广告', '蚊', '老鼠', '绿化', '树', '噪音', '油烟'],
  治安安全: ['安全', '偷', '盗', '可疑', '消防', '火', '燃气', '煤气', '漏电', '监控', '打架', '陌生人'],
  养老助残: ['老人', '独居', '残疾', '轮椅', '助餐', '护理', '助浴', '失能', '高龄', '老伴', '摔倒', '走丢', '走失', '大爷', '大妈', '奶奶', '爷爷'],
  就业创业: ['工作', '就业', '招聘', '失业', '创业', '培训', '技能'],
  政策咨询: ['政策', '补贴', '医保', '社保', '低保', '证明', '办理', '咨询', '申请', '户口', '体检', '疫苗', '养老金', '老年卡', '想问'],
  矛盾纠纷: ['纠纷', '吵架', '矛盾', '邻居', '占用', '占道', '停车位', '漏到楼下', '物业费', '楼上', '楼下那家', '装修', '扰民', '吵得', '跺', '拖椅子', '半夜'],
};

export function guessCategory(text: string, categories: readonly string[]): string {
  // A room is no topic: 卫生间 is not 卫生, 火车站 is not 火.
  const plain = text.replace(/卫生间|火车|火锅|电动车/gu, '');
  let best: { category: string; hits: number } | null = null;
  for (const category of categories) {
    const words = KEYWORDS[category] ?? [category];
    const hits = words.filter((w) => plain.includes(w)).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { category, hits };
  }
  return best?.category ?? (categories.includes('其他') ? '其他' : (categories[categories.length - 1] ?? '其他'));
}
