// GENERATED from prisma/models.prisma by scripts/sync-schemas.ts - DO NOT EDIT.
// Rows as src/db reads them: camelCase fields (columns are their snake_case), DateTime as Date.
// Longer than 250 lines on purpose: one type per model of the schema, written by a tool, never read whole.

export type Community = {
  id: number;
  name: string;
  createdAt: Date;
  phone: string | null;
  wechatLink: string | null;
};

export type Person = {
  id: number;
  platform: string;
  platformUserId: string;
  name: string;
  phone: string | null;
  address: string | null;
  communityId: number | null;
  linkedToId: number | null;
  createdAt: Date;
  updatedAt: Date;
  gridId: number | null;
};

export type Membership = {
  id: number;
  personId: number;
  communityId: number;
  role: string;
  inviteId: number | null;
  createdAt: Date;
};

export type GroupChat = {
  id: number;
  platform: string;
  conversationId: string;
  communityId: number;
  name: string | null;
  webhookKey: string | null;
  webhookToken: string | null;
  webhookSecret: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type Invite = {
  id: number;
  code: string;
  communityId: number;
  role: string;
  maxUses: number;
  uses: number;
  createdById: number | null;
  expiresAt: Date;
  createdAt: Date;
};

export type Item = {
  id: number;
  kind: string;
  status: string;
  communityId: number;
  text: string;
  category: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  priority: string;
  deadlineAt: Date | null;
  submitterId: number;
  claimantId: number | null;
  assignedUnit: string | null;
  mergedIntoId: number | null;
  rating: number | null;
  ratingComment: string | null;
  sourcePlatform: string;
  sourceConversationId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  answeredAt: Date | null;
  answerSeconds: number | null;
  claimedAt: Date | null;
  claimSeconds: number | null;
  activityAt: Date | null;
  doneAt: Date | null;
  resolveSeconds: number | null;
  closedAt: Date | null;
  snoozedUntil: Date | null;
  remindedAt: Date | null;
  escalatedAt: Date | null;
  gridId: number | null;
  answerDueAt: Date | null;
  lateNoticeAt: Date | null;
  relatedToId: number | null;
  recurring: boolean;
  onBehalfOf: string | null;
  onBehalfPhone: string | null;
};

export type ItemEvent = {
  id: number;
  itemId: number;
  type: string;
  actorId: number | null;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  rating: number | null;
  createdAt: Date;
};

export type ItemSupporter = {
  itemId: number;
  personId: number;
  createdAt: Date;
};

export type ItemPhoto = {
  id: number;
  itemId: number;
  ref: string;
  createdAt: Date;
};

export type InboundMessage = {
  id: number;
  platform: string;
  messageId: string;
  conversationId: string;
  payload: string;
  status: string;
  attempts: number;
  leaseUntil: Date | null;
  error: string | null;
  receivedAt: Date;
  processedAt: Date | null;
};

export type Dialogue = {
  id: number;
  personId: number;
  conversationKey: string;
  step: string;
  kind: string | null;
  text: string;
  communityId: number | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  photos: string;
  createdAt: Date;
  updatedAt: Date;
  phone: string | null;
  priority: string;
  photoDeclined: boolean;
};

export type OutboxMessage = {
  id: number;
  platform: string;
  targetType: string;
  targetId: string;
  orderKey: string;
  text: string;
  format: string;
  replyContext: string | null;
  inboundId: number | null;
  jobRunId: number | null;
  scheduled: boolean;
  status: string;
  attempts: number;
  partsSent: number;
  notBefore: Date;
  leaseUntil: Date | null;
  leaseOwner: string | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

export type Revisit = {
  id: number;
  itemId: number;
  personId: number;
  askedAt: Date;
  answeredAt: Date | null;
  answer: string | null;
};

export type RateLimit = {
  key: string;
  tat: Date;
  blockedUntil: Date | null;
};

export type Lease = {
  name: string;
  owner: string;
  expiresAt: Date;
};

export type JobRun = {
  id: number;
  job: string;
  scheduledAt: Date;
  status: string;
  owner: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  posted: number;
  summary: string | null;
  error: string | null;
};

export type CalendarYear = {
  year: number;
  createdAt: Date;
};

export type CalendarDay = {
  date: string;
  workday: boolean;
  name: string | null;
};

export type ChannelAddress = {
  platform: string;
  targetType: string;
  targetId: string;
  route: string;
  data: string;
  updatedAt: Date;
};

export type Grid = {
  id: number;
  communityId: number;
  name: string;
  createdAt: Date;
};

export type Prompt = {
  id: number;
  personId: number;
  kind: string;
  itemId: number;
  askedAt: Date;
  answeredAt: Date | null;
  partial: string | null;
};

export type ConsoleLink = {
  tokenHash: string;
  personId: number | null;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
};

export type ConsoleSession = {
  tokenHash: string;
  personId: number | null;
  expiresAt: Date;
  createdAt: Date;
  lastSeenAt: Date;
};

export type KfCursor = {
  openKfid: string;
  cursor: string;
  updatedAt: Date;
};

export type KfCustomer = {
  openKfid: string;
  externalUserId: string;
  lastInboundAt: Date | null;
  sentInWindow: number;
  serviceState: number;
  servicerUserId: string | null;
  communityId: number | null;
  updatedAt: Date;
};

/** The table of each model. */
export const TABLE = {
  Community: 'communities',
  Person: 'people',
  Membership: 'memberships',
  GroupChat: 'group_chats',
  Invite: 'invites',
  Item: 'items',
  ItemEvent: 'item_events',
  ItemSupporter: 'item_supporters',
  ItemPhoto: 'item_photos',
  InboundMessage: 'inbound_messages',
  Dialogue: 'dialogues',
  OutboxMessage: 'outbox_messages',
  Revisit: 'revisits',
  RateLimit: 'rate_limits',
  Lease: 'leases',
  JobRun: 'job_runs',
  CalendarYear: 'calendar_years',
  CalendarDay: 'calendar_days',
  ChannelAddress: 'channel_addresses',
  Grid: 'grids',
  Prompt: 'prompts',
  ConsoleLink: 'console_links',
  ConsoleSession: 'console_sessions',
  KfCursor: 'kf_cursors',
  KfCustomer: 'kf_customers',
} as const;
