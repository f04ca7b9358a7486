import { csrfField } from '../components.ts';
import { html } from '../html.ts';
import { page, type Notice, type Viewer } from '../layout.ts';

export const JOB_LABELS: Record<string, string> = {
  'group-nudge': '群内待认领提醒',
  'claimant-reminder': '认领人提醒',
  escalation: '督办上报',
  'weekly-bulletin': '周报公示',
  'official-digest': '干部工作周报',
  revisit: '回访',
  'ten-day-report': '一旬一通报',
  'monthly-review': '一月一调度',
};
const RUN_STATUS: Record<string, string> = { running: '进行中', done: '完成', failed: '失败', skipped: '跳过' };

export type JobsView = {
  viewer: Viewer;
  csrf: string;
  notice?: Notice | null;
  jobs: ReadonlyArray<{
    name: string;
    schedule: string;
    nextFire: string | null;
    runs: ReadonlyArray<{ scheduledAt: string; status: string; posted: number; summary: string | null; error: string | null }>;
  }>;
};

/** 任务: the schedules, when each fires next, its last runs, and "run now" (admin). */
export function jobsPage(v: JobsView): string {
  const body = html`
<h1>任务</h1>
<div class="table-wrap"><table class="cards jobs"><thead><tr><th>任务</th><th>时间（cron）</th><th>下次</th><th>最近几次</th><th></th></tr></thead><tbody>
${v.jobs.map(
  (j) => html`<tr data-job="${j.name}"><td data-label="任务">${JOB_LABELS[j.name] ?? j.name}<br><small><code>${j.name}</code></small></td>
<td data-label="时间"><code>${j.schedule}</code></td><td data-label="下次">${j.nextFire ?? '已关闭'}</td>
<td data-label="最近">${j.runs.length === 0 ? '—' : html`<ul>${j.runs.map((r) => html`<li>${r.scheduledAt} · ${RUN_STATUS[r.status] ?? r.status} · 发出 ${r.posted} 条${r.summary && html`<br><small>${r.summary}</small>`}${r.error && html`<br><small class="late">${r.error}</small>`}</li>`)}</ul>`}</td>
<td data-label=""><form method="post" action="/console/jobs/${j.name}/run" data-confirm="现在就运行“${JOB_LABELS[j.name] ?? j.name}”？消息会真的发出。">${csrfField(v.csrf)}<button class="light" type="submit">立即运行</button></form></td></tr>`,
)}</tbody></table></div>`;
  return page({ title: '任务', section: 'jobs', viewer: v.viewer, csrf: v.csrf, notice: v.notice, body });
}
