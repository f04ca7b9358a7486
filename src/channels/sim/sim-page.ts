/**
 * The simulator page: pick who you are and which chat you are in, talk to the bot, watch the group.
 * Plain HTML and a little script, no build step; every text from the server goes in via
 * textContent, so nothing a resident typed can run as markup.
 */
export function simPage(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>连心 · 模拟器</title>
<style>
  :root { --green: #2f7d4f; --bg: #f2f3f5; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; background: var(--bg); color: #222; }
  header { background: var(--green); color: #fff; padding: 10px 16px; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
  header h1 { font-size: 18px; margin: 0 12px 0 0; }
  header label { font-size: 14px; display: flex; gap: 6px; align-items: center; }
  select, input, button { font: inherit; padding: 6px 8px; border-radius: 6px; border: 1px solid #ccc; }
  button { background: var(--green); color: #fff; border-color: var(--green); cursor: pointer; }
  button.light { background: #fff; color: var(--green); }
  main { max-width: 760px; margin: 0 auto; padding: 12px; }
  #setup { background: #fff; border-radius: 8px; padding: 12px 16px; margin-bottom: 12px; }
  #log { background: #fff; border-radius: 8px; padding: 12px; height: 60vh; overflow-y: auto; }
  .msg { margin: 8px 0; display: flex; flex-direction: column; }
  .msg .who { font-size: 12px; color: #888; }
  .msg .text { white-space: pre-wrap; padding: 8px 10px; border-radius: 8px; max-width: 85%; background: #eef5f0; align-self: flex-start; }
  .msg.me { align-items: flex-end; }
  .msg.me .text { background: #95ec69; align-self: flex-end; }
  .msg .note { font-size: 12px; color: #999; }
  .msg.ignored .text { opacity: .7; }
  form { display: flex; gap: 8px; margin-top: 10px; }
  form input { flex: 1; }
  .quick { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 8px; }
  .hint { color: #666; font-size: 14px; }
  code { background: #f4f4f4; padding: 1px 4px; border-radius: 4px; }
</style>
</head>
<body>
<header>
  <h1>连心 · 模拟器</h1>
  <label>我是 <select id="who"></select></label>
  <button class="light" id="newPerson" type="button">+ 新身份</button>
  <label>在 <select id="where"></select></label>
</header>
<main>
  <div id="setup" hidden>
    <div id="empty">
      <p>还没有社区。点一下，建一个示例社区、一个居民群和两个邀请码：</p>
      <button id="demo" type="button">创建示例社区</button>
    </div>
    <p id="codes" class="hint"></p>
  </div>
  <div id="log" aria-live="polite"></div>
  <p id="wechat" class="hint" hidden><span id="window"></span> <button class="light" id="expire" type="button">模拟过了 48 小时</button></p>
  <form id="send">
    <input id="text" autocomplete="off" placeholder="说点什么，例如：心愿 帮家里老人修一下水龙头">
    <button>发送</button>
  </form>
  <div class="quick" id="quick">
    <button type="button" class="light" id="mention" title="在群里，机器人只回答@它的话、命令和它问您的问题">@连心</button>
    <button type="button" class="light" id="photo" title="发一张（模拟的）照片，输入框里的字一起发">📷 照片</button>
    <button type="button" class="light" id="location" title="发一个位置">📍 位置</button>
  </div>
  <p class="hint">私聊里直接说事，机器人会一步步问。群里机器人只回答 @连心 的话、命令（例如 <code>认领 12</code>）和它问您的问题；灰色小字标出它回答的是谁。报到用管理员给的邀请码：<code>报到 邀请码</code>。</p>
  <p class="hint">“微信私聊”是用个人微信的居民（微信客服）：居民最后一条消息后 48 小时内，机器人最多能发 5 条；发不出去的进展会等居民再说话时合并送达。</p>
</main>
<script>
const $ = (id) => document.getElementById(id);
const store = window.localStorage;
let people = JSON.parse(store.getItem('lianxin.people') || '[]');
if (people.length === 0) {
  people = [
    { id: 'resident-wang', name: '王秀英' },
    { id: 'member-li', name: '李志强' },
    { id: 'official-zhao', name: '赵书记' },
  ];
}
let groups = [];

function savePeople() { store.setItem('lianxin.people', JSON.stringify(people)); }
function me() { return people.find((p) => p.id === $('who').value) || people[0]; }
function where() {
  const v = $('where').value;
  if (v === '@wechat') return { conversationId: 'wx:' + me().id, conversationType: 'single', platform: 'wechat' };
  return v === '@direct' ? { conversationId: me().id, conversationType: 'single' } : { conversationId: v, conversationType: 'group' };
}
function option(value, label) { const o = document.createElement('option'); o.value = value; o.textContent = label; return o; }

function renderPeople() {
  const current = $('who').value || store.getItem('lianxin.who') || people[0].id;
  $('who').replaceChildren(...people.map((p) => option(p.id, p.name)));
  $('who').value = people.some((p) => p.id === current) ? current : people[0].id;
}
function renderPlaces() {
  const current = $('where').value || store.getItem('lianxin.where') || '@direct';
  $('where').replaceChildren(option('@direct', '和连心私聊'), option('@wechat', '微信私聊（微信客服）'), ...groups.map((g) => option(g.conversationId, g.name || g.conversationId)));
  $('where').value = [...$('where').options].some((o) => o.value === current) ? current : '@direct';
}

async function loadState() {
  const state = await (await fetch('/sim/state')).json();
  groups = state.groups;
  for (const p of state.people) if (!people.some((q) => q.id === p.id)) people.push({ id: p.id, name: p.name });
  savePeople();
  renderPeople();
  renderPlaces();
  $('setup').hidden = state.communities.length > 0;
}

async function refresh() {
  const w = where();
  const res = await fetch('/sim/conversations/' + encodeURIComponent(w.conversationId) + '/timeline');
  if (!res.ok) return;
  const { entries } = await res.json();
  const log = $('log');
  const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  log.replaceChildren(...entries.map((e) => {
    const div = document.createElement('div');
    div.className = 'msg' + (e.from === 'person' && (e.senderId === me().id || e.senderId === 'wx:' + me().id) ? ' me' : '');
    if (e.ignored && w.conversationType === 'group') div.className += ' ignored';
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = e.senderName + (e.replyTo ? ' → 回复 ' + e.replyTo : '') + ' · ' + new Date(e.at).toLocaleTimeString('zh-CN', { hour12: false });
    const text = document.createElement('span');
    text.className = 'text';
    const extras = [];
    if (e.photos > 0) extras.push('[照片' + (e.photos > 1 ? ' ×' + e.photos : '') + ']');
    if (e.location) extras.push('[位置] ' + e.location);
    text.textContent = [...extras, e.text].filter(Boolean).join(' ');
    div.append(who, text);
    if (e.ignored && w.conversationType === 'group') {
      const note = document.createElement('span');
      note.className = 'note';
      note.textContent = '（不是对连心说的，机器人没有回应）';
      div.append(note);
    }
    return div;
  }));
  if (atBottom) log.scrollTop = log.scrollHeight;
  $('wechat').hidden = w.platform !== 'wechat';
  if (w.platform === 'wechat') showWindow(await (await fetch('/sim/wechat/' + encodeURIComponent(me().id))).json());
}

function showWindow(s) {
  const until = s.closesAt ? new Date(s.closesAt).toLocaleString('zh-CN', { hour12: false }) : '';
  $('window').textContent = (s.open ? '微信窗口开着：还能发 ' + s.messagesLeft + ' 条，至 ' + until : '微信窗口已关：居民说话后才能再发')
    + (s.held.length ? '；等居民说话后送达 ' + s.held.length + ' 条' : '');
}

async function send(text, extra) {
  const w = where();
  const res = await fetch('/sim/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...w, senderId: w.platform === 'wechat' ? w.conversationId : me().id, senderName: me().name, text, ...(extra || {}) }),
  });
  if (!res.ok) alert((await res.json()).error || res.statusText);
  await refresh();
  $('log').scrollTop = $('log').scrollHeight;
}

$('send').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('text').value;
  if (!text.trim()) return;
  $('text').value = '';
  send(text);
});
for (const q of ['帮助', '待认领', '我的', '统计']) {
  const b = document.createElement('button');
  b.type = 'button'; b.className = 'light'; b.textContent = q;
  b.addEventListener('click', () => send(q));
  $('quick').append(b);
}
$('mention').addEventListener('click', () => {
  const input = $('text');
  if (!input.value.startsWith('@连心')) input.value = '@连心 ' + input.value;
  input.focus();
});
$('photo').addEventListener('click', () => {
  const text = $('text').value;
  $('text').value = '';
  send(text, { photos: ['sim-photo-' + Date.now() + '.jpg'] });
});
$('location').addEventListener('click', () => {
  const label = prompt('位置（例如 阳光小区5号楼东门）');
  if (!label || !label.trim()) return;
  const text = $('text').value;
  $('text').value = '';
  // A point near the city centre; the label is what people read.
  send(text, { location: { label: label.trim(), latitude: 31.2304 + Math.random() / 100, longitude: 121.4737 + Math.random() / 100 } });
});
$('who').addEventListener('change', () => { store.setItem('lianxin.who', $('who').value); renderPlaces(); refresh(); });
$('where').addEventListener('change', () => { store.setItem('lianxin.where', $('where').value); refresh(); });
$('newPerson').addEventListener('click', () => {
  const name = prompt('名字（例如 张桂兰）');
  if (!name) return;
  const id = 'sim-' + Math.random().toString(36).slice(2, 8);
  people.push({ id, name: name.trim() });
  savePeople(); renderPeople(); $('who').value = id; store.setItem('lianxin.who', id); refresh();
});
$('expire').addEventListener('click', async () => {
  showWindow(await (await fetch('/sim/wechat/' + encodeURIComponent(me().id) + '/expire', { method: 'POST' })).json());
});
$('demo').addEventListener('click', async () => {
  const res = await fetch('/sim/demo', { method: 'POST' });
  const body = await res.json();
  if (!res.ok) { alert(body.error); return; }
  $('codes').textContent = '好了！党员邀请码 ' + body.memberCode + '，干部邀请码 ' + body.officialCode + '。以李志强身份私聊发“报到 ' + body.memberCode + '”，以赵书记身份发“报到 ' + body.officialCode + '”。';
  store.setItem('lianxin.where', body.groupId);
  await loadState();
  // The community exists now: the "还没有社区" hint goes; the codes stay in view.
  $('empty').hidden = true;
  $('setup').hidden = false;
});

loadState().then(refresh);
setInterval(refresh, 2000);
</script>
</body>
</html>`;
}
