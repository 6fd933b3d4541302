import { EntityManager, EntityTarget } from 'typeorm';
import { UnprocessableError } from '../common/errors/domain-errors';

/**
 * A reference a client sends (e.g. a trade's orderId) must name a row of the caller's own: the
 * foreign key alone would accept another user's row. Absent ids pass; otherwise a 422
 * FOREIGN_KEY_VIOLATION worded like the database's own, so the two cannot be told apart.
 */
export async function assertOwnedReference(
  manager: EntityManager,
  entity: EntityTarget<{ id: string; userId: string }>,
  id: string | undefined,
  userId: string,
  field: string,
  label: string,
): Promise<void> {
  if (!id) return;
  if (await manager.getRepository(entity).existsBy({ id, userId })) return;
  throw new UnprocessableError(
    `${field} ${id} refers to ${label} that does not exist`,
    'FOREIGN_KEY_VIOLATION',
    {
      field,
    },
  );
}
