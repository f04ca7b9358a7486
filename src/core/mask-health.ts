// Health conditions are sensitive personal information (个人信息保护法 第二十八条: 医疗健康): a
// group sees that help is needed, not what someone suffers from. The one who takes the item reads
// the words in full in their direct message.
const CONDITION =
  '(?:\\d型|[一二]型)?(?:糖尿病|高血压|高血脂|冠心病|心脏病|心梗|脑梗(?:塞)?|脑出血|脑溢血|中风|癌症|[肺胃肝肠乳腺]癌|肿瘤|化疗|放疗|透析|尿毒症|抑郁症|焦虑症|精神(?:病|分裂症?)|老年痴呆|痴呆症?|阿尔茨海默(?:病|症)?|帕金森(?:病|症)?|偏瘫|瘫痪|艾滋病?|乙肝|丙肝|肝炎|肺结核|结核病|哮喘|慢阻肺|肾衰竭?|肾病|癫痫)';
const CONDITIONS = new RegExp(`${CONDITION}(?:[、，,和及与跟加\\s]*${CONDITION})*`, 'gu');
export const HEALTH_HIDDEN = '（病情略）';

/** The text with each run of named conditions ("2型糖尿病、高血压") left out. */
export function maskHealth(text: string): string {
  return text.replace(CONDITIONS, HEALTH_HIDDEN);
}
