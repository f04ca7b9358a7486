import type { LifecycleEvent } from './lifecycle.ts';

/** The names of timeline entries, as stored in item_events.type and shown in 查询. */
export const EVENT_TYPES = [
  'created',
  'claimed',
  'assigned',
  'progress',
  'done',
  'released',
  'confirmed',
  'rated_low',
  /** The submitter put the rating of a confirmed item right (rating: the new one). */
  'rerated',
  'auto_confirmed',
  'disputed',
  'withdrawn',
  /** A withdrawal put right: back to open or to its holder. */
  'restored',
  'rejected',
  'merged',
  'reopened',
  'supported',
  'snoozed',
  'photo_added',
  'reminded',
  'auto_released',
  'escalated',
  /** An official set the category, the priority or the deadline (note: the new value). */
  'categorized',
  /** Wish or report put right, by its submitter or an official (note: the new kind's name). */
  'kind_changed',
  /** Its place put right, by its submitter or an official (note: the new place). */
  'place_set',
  /** Its words put right, by its submitter or an official (note: the new words). */
  'text_set',
  'prioritized',
  'deadline_set',
  /** An official moved it to another grid (note: the grid's name). */
  'grid_set',
  /** 民情日记: an official's note on the item. */
  'noted',
  /** The submitter was told that the promised first answer is late. */
  'late_notice',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_OF: Record<LifecycleEvent, EventType> = {
  claim: 'claimed',
  assign: 'assigned',
  progress: 'progress',
  complete: 'done',
  release: 'released',
  confirm: 'confirmed',
  rateLow: 'rated_low',
  autoConfirm: 'auto_confirmed',
  dispute: 'disputed',
  withdraw: 'withdrawn',
  reject: 'rejected',
  merge: 'merged',
  reopen: 'reopened',
  support: 'supported',
  snooze: 'snoozed',
};
