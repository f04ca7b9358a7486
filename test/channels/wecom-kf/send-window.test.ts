import { describe, expect, it } from 'vitest';
import { mergeNotices } from '../../../src/channels/wecom-kf/merge-notices.ts';
import { kfEventOutcome, kfSendOutcome } from '../../../src/channels/wecom-kf/kf-outcome.ts';
import { KF_WINDOW_MS, LAST_SLOT_HINT, kfWindow, planKfSend, type KfWaiting } from '../../../src/channels/wecom-kf/send-window.ts';

const now = new Date('2026-11-23T04:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const notice = (id: number, text = `#${id} 有新进展`, wasHeld = false): KfWaiting => ({ id, text, isReply: false, wasHeld });
const reply = (id: number, text = '收到'): KfWaiting => ({ id, text, isReply: true, wasHeld: false });
const open = (sent: number, state = 1) => ({ lastInboundAt: hoursAgo(1), sentInWindow: sent, serviceState: state });

describe('the 48-hour window', () => {
  it('is open for 48 hours after the resident wrote, with 5 messages', () => {
    expect(kfWindow(open(0), now)).toMatchObject({ open: true, left: 5, humanHolds: false });
    expect(kfWindow({ lastInboundAt: hoursAgo(47.9), sentInWindow: 3, serviceState: 0 }, now)).toMatchObject({ open: true, left: 2 });
    expect(kfWindow({ lastInboundAt: new Date(now.getTime() - KF_WINDOW_MS), sentInWindow: 0, serviceState: 1 }, now)).toMatchObject({ open: false, left: 0 });
    expect(kfWindow({ lastInboundAt: null, sentInWindow: 0, serviceState: 0 }, now)).toMatchObject({ open: false, closesAt: null });
  });
});

describe('planKfSend', () => {
  it('sends one notice alone while the budget covers what waits', () => {
    expect(planKfSend(open(0), [notice(1), notice(2)], now)).toEqual({ action: 'send', text: '#1 有新进展', covers: [1], lastSlot: false });
  });

  it.each([
    ['the resident never wrote', { lastInboundAt: null, sentInWindow: 0, serviceState: 0 }, 'window-closed'],
    ['48 hours have passed', { lastInboundAt: hoursAgo(48), sentInWindow: 0, serviceState: 1 }, 'window-closed'],
    ['5 went out already', open(5), 'budget-spent'],
    ['a human servicer holds the session', open(0, 3), 'human-session'],
    ['the resident waits for a human', open(0, 2), 'human-session'],
    ['the session ended', open(0, 4), 'session-ended'],
  ])('holds everything waiting when %s', (_what, state, reason) => {
    expect(planKfSend(state, [notice(1), reply(2), notice(3)], now)).toEqual({ action: 'hold', ids: [1, 2, 3], reason });
  });

  it('merges the notices in a row into the last slot, and says how to hear more', () => {
    const plan = planKfSend(open(4), [notice(1, '#1 已被认领'), notice(2, '#1 有进展：已买好水龙头'), notice(3, '#1 已完成')], now);
    expect(plan).toMatchObject({ action: 'send', covers: [1, 2, 3], lastSlot: true });
    expect(plan.action === 'send' && plan.text).toBe(`您有 3 条新进展：\n1. #1 已被认领\n2. #1 有进展：已买好水龙头\n3. #1 已完成\n${LAST_SLOT_HINT}`);
  });

  it('merges when more notices wait than the budget has left', () => {
    expect(planKfSend(open(2), [notice(1), notice(2), notice(3), notice(4)], now)).toMatchObject({ action: 'send', covers: [1, 2, 3, 4], lastSlot: false });
  });

  it('merges notices that were held, when the resident comes back', () => {
    const plan = planKfSend(open(0), [notice(1, 'a', true), notice(2, 'b', true), notice(3, 'c', true)], now);
    expect(plan).toEqual({ action: 'send', text: '您有 3 条新进展：\n1. a\n2. b\n3. c', covers: [1, 2, 3], lastSlot: false });
  });

  it('never merges a reply, nor notices across it', () => {
    expect(planKfSend(open(4), [reply(1), notice(2), notice(3)], now)).toEqual({ action: 'send', text: `收到\n${LAST_SLOT_HINT}`, covers: [1], lastSlot: true });
    expect(planKfSend(open(4), [notice(1), notice(2), reply(3), notice(4)], now)).toMatchObject({ covers: [1, 2] });
  });

  it('sends a single held notice as it is', () => {
    expect(planKfSend(open(0), [notice(1, 'a', true), reply(2)], now)).toEqual({ action: 'send', text: 'a', covers: [1], lastSlot: false });
  });

  it('keeps a merged last-slot message within 2048 bytes', () => {
    const long = Array.from({ length: 8 }, (_, i) => notice(i + 1, `#${i + 1} ${'进展'.repeat(200)}`));
    const plan = planKfSend(open(4), long, now);
    expect(plan.action === 'send' && Buffer.byteLength(plan.text, 'utf8')).toBeLessThanOrEqual(2048);
    expect(plan.action === 'send' && plan.text.endsWith(LAST_SLOT_HINT)).toBe(true);
  });
});

describe('mergeNotices', () => {
  it('cuts each notice to an equal share and points at 我的 when they do not fit', () => {
    const text = mergeNotices(['甲'.repeat(1000), '乙'.repeat(1000), '丙'.repeat(1000)], 2048);
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(2048);
    expect(text).toMatch(/^您有 3 条新进展：\n1\. 甲+…\n2\. 乙+…\n3\. 丙+…\n回复“我的”查看全部。$/u);
  });

  it('flattens line breaks inside a notice', () => {
    expect(mergeNotices(['a\nb', 'c'], 2048)).toBe('您有 2 条新进展：\n1. a b\n2. c');
  });

  it('keeps the newest when very many are waiting', () => {
    const text = mergeNotices(Array.from({ length: 300 }, (_, i) => `第${i + 1}条`), 2048);
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(2048);
    expect(text).toContain('第300条');
    expect(text.startsWith('您有 300 条新进展：')).toBe(true);
  });
});

describe('WeCom errcodes for 微信客服 sends', () => {
  it('holds on the 48-hour rule, spending no attempt', () => {
    expect(kfSendOutcome(95001, now, 60_000)).toMatchObject({ ok: false, hold: 'budget-spent' });
    expect(kfSendOutcome(95002, now, 60_000)).toMatchObject({ ok: false, hold: 'window-closed' });
  });

  it('waits out throttling, retries the unknown, gives up on a bad message', () => {
    expect(kfSendOutcome(45009, now, 60_000)).toMatchObject({ retryable: true, throttledUntil: new Date(now.getTime() + 60_000) });
    expect(kfSendOutcome(-1, now, 60_000)).toMatchObject({ retryable: true });
    expect(kfSendOutcome(40096, now, 60_000)).toMatchObject({ retryable: false });
    expect(kfSendOutcome(0, now, 60_000)).toEqual({ ok: true });
  });

  it('describes a code with a fixed text, never WeCom errmsg', () => {
    expect(kfSendOutcome(95001, now, 60_000)).toMatchObject({ error: 'errcode 95001: over the 5 messages WeChat allows within 48 hours' });
  });

  it('gives up on a welcome whose code was refused, but retries when WeCom is busy', () => {
    expect(kfEventOutcome(41050, now, 60_000)).toMatchObject({ ok: false, retryable: false });
    expect(kfEventOutcome(-1, now, 60_000)).toMatchObject({ ok: false, retryable: true });
  });
});
