// Words that make a message a request: something wrong, or something wanted. Shared by the kind
// question (is this the request, or only why?) and the guess of a command in other words (never
// guessed away). "需要帮忙的", "要帮忙的" ask for a list, not for help.

/** Something is wrong. */
export const TROUBLE = /坏|漏|堵|不亮|不通|臭|脏|吵|乱|破|塌|裂|积水|满了|掉了|松了|危险|着火|煤气|燃气/u;

/** Something wanted. */
export const WANTS = /想要|需要(?!帮忙的)|帮忙(?!的)|麻烦|能不能|可不可以|求助|谁(?:来|能|会|有空)(?:给|帮|来)|鼓捣/u;

/** Things people report; one named that an item is not about makes another topic. */
export const THING = /马蜂窝|蜂窝|野狗|电梯|路灯|楼道灯|垃圾|杂物|水管|下水道|暖气|井盖|路面|门禁|监控|化粪池|广场舞|噪音|停车|电动车|充电桩|自来水|煤气|燃气|电视|机顶盒|冰箱|洗衣机|空调|热水器|水龙头|马桶|门锁|插座|收音机|自行车|轮椅|油烟机/u;

/** Something wrong or something wanted: words that make a message a request. */
export const REQUEST = new RegExp(`${TROUBLE.source}|${WANTS.source}`, 'u');
