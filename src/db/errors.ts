/** A unique constraint refused a row (Prisma P2002): the thing exists already. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
