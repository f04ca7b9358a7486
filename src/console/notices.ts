/**
 * What an action says once done, by code: the redirect after a POST carries `?ok=<code>`, never
 * text, so a link cannot make the console say something it did not do.
 */
export const NOTICES: Record<string, string> = {
  assign: '已交办，办理人、提出人和群里都已收到通知。',
  category: '类别已保存。',
  priority: '优先级已保存。',
  deadline: '期限已保存，办理人已收到通知。',
  grid: '网格已保存。',
  reject: '已驳回，原因已告诉提出人。',
  merge: '已合并，提出人已收到通知。',
  reopen: '已重新打开，相关的人已收到通知。',
  note: '民情日记已记下。',
  invite: '邀请码已生成。',
  revoke: '邀请码已作废。',
  grid_added: '网格已添加。',
  roster: '花名册已导入。',
  group: '群已绑定。',
  community: '社区已添加。',
  job: '任务已运行，消息已排队发出。',
  retry: '已重新排队发送。',
};

export function noticeOf(query: unknown): { kind: 'ok'; text: string } | null {
  const q = (query ?? {}) as Record<string, unknown>;
  const code = q.ok;
  if (typeof code !== 'string' || !NOTICES[code]) return null;
  const count = (k: string) => (typeof q[k] === 'string' && /^\d{1,6}$/u.test(q[k] as string) ? Number(q[k]) : 0);
  if (code === 'roster') {
    const skipped = count('skipped');
    return { kind: 'ok', text: `花名册已导入：新增 ${count('created')} 人，更新 ${count('updated')} 人，未变 ${count('unchanged')} 人${skipped ? `，${skipped} 行有问题未导入` : ''}。导入的人现在就可以认领或管理。` };
  }
  if (code === 'invite' && typeof q.code === 'string' && /^[A-Z0-9]{6,12}$/u.test(q.code)) {
    return { kind: 'ok', text: `邀请码 ${q.code} 已生成。请对方给连心发：报到 ${q.code}` };
  }
  return { kind: 'ok', text: NOTICES[code] };
}
