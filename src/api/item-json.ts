import type { Item, ItemEvent, Person } from '../db/rows.ts';

/** An item as the admin API shows it: SPEC's status names, ISO times, no secrets. */
export function itemJson(item: Item & { submitter?: Pick<Person, 'name'>; claimant?: Pick<Person, 'name'> | null }) {
  return {
    id: item.id,
    kind: item.kind,
    status: item.status,
    text: item.text,
    category: item.category,
    place: item.place,
    latitude: item.latitude,
    longitude: item.longitude,
    priority: item.priority,
    communityId: item.communityId,
    submitterId: item.submitterId,
    submitterName: item.submitter?.name ?? null,
    onBehalfOf: item.onBehalfOf,
    claimantId: item.claimantId,
    claimantName: item.claimant?.name ?? null,
    assignedUnit: item.assignedUnit,
    mergedIntoId: item.mergedIntoId,
    /** A need that comes back (每周送菜): each 完成 records a round. */
    recurring: Boolean(item.recurring),
    rating: item.rating,
    ratingComment: item.ratingComment,
    deadlineAt: item.deadlineAt?.toISOString() ?? null,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    claimedAt: item.claimedAt?.toISOString() ?? null,
    doneAt: item.doneAt?.toISOString() ?? null,
    closedAt: item.closedAt?.toISOString() ?? null,
  };
}

export function eventJson(event: ItemEvent) {
  return {
    id: event.id,
    type: event.type,
    actorId: event.actorId,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    note: event.note,
    rating: event.rating,
    createdAt: event.createdAt.toISOString(),
  };
}
