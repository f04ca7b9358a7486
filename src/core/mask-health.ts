// Health conditions are sensitive personal information (个人信息保护法 第二十八条: 医疗健康): a
// group sees that help is needed, not what someone suffers from. The one who takes the item reads
// the words in full in their direct message.
const CONDITION =
  '(?:\\d型|[一二]型)?(?:糖尿病|高血压|高血脂|冠心病|心脏病|心梗|脑梗(?:塞)?|脑出血|脑溢血|中风|癌症|[肺胃肝肠乳腺]癌|肿瘤|化疗|放疗|透析|尿毒症|抑郁症|焦虑症|精神(?:病|分裂症?)|老年痴呆|痴呆症?|阿尔茨海默(?:病|症)?|帕金森(?:病|症)?|偏瘫|瘫痪|艾滋病?|乙肝|丙肝|肝炎|肺结核|结核病|哮喘|慢阻肺|肾衰竭?|肾病|癫痫)';
const CONDITIONS = new RegExp(`${CONDITION}(?:[、，,和及与跟加\\s]*${CONDITION})*`, 'gu');
export const HEALTH_HIDDEN = '（病情略）';
// A medicine names the condition it treats ("降压药", "硝苯地平缓释片"): left out the same way.
const MEDICINE =
  /(?:降压|降糖|降脂|抗抑郁|抗癫痫|抗精神病|抗凝|化疗)药(?:物)?|胰岛素|(?:硝苯地平|氨氯地平|二甲双胍|阿卡波糖|格列[美齐吡][脲特嗪]|[阿瑞辛普洛]{1,2}[托伐舒]*他汀|华法林|速效救心丸)(?:钙)?(?:缓释片|控释片|缓释胶囊|片|胶囊)?/gu;
export const MEDICINE_HIDDEN = '（药名略）';

/** The text with each run of named conditions ("2型糖尿病、高血压") and medicines left out. */
export function maskHealth(text: string): string {
  return text.replace(CONDITIONS, HEALTH_HIDDEN).replace(MEDICINE, MEDICINE_HIDDEN);
}
