// The vocabulary of the ledger. String unions, not enums (erasableSyntaxOnly).

export const ITEM_KINDS = ['wish', 'report'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ITEM_STATUSES = ['open', 'claimed', 'done', 'confirmed', 'withdrawn', 'rejected', 'merged'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ROLES = ['resident', 'member', 'official'] as const;
export type Role = (typeof ROLES)[number];

/** A role held in one community (residents hold none). */
export type CommunityRole = Exclude<Role, 'resident'>;

export const PRIORITIES = ['normal', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const DEFAULT_CATEGORIES = [
  '基础设施',
  '环境卫生',
  '治安安全',
  '养老助残',
  '就业创业',
  '政策咨询',
  '矛盾纠纷',
  '其他',
] as const;

/** Statuses in which nothing more happens unless an official reopens. */
export const CLOSED_STATUSES: readonly ItemStatus[] = ['confirmed', 'withdrawn', 'rejected', 'merged'];
export const ACTIVE_STATUSES: readonly ItemStatus[] = ['open', 'claimed', 'done'];
