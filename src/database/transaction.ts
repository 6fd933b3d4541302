import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';

/**
 * The one way services reach the database. `tx.tx` is the EntityManager of the transaction
 * running in this request (the audit interceptor opens one for every mutating request, so a
 * change and its audit row commit together), or the plain manager outside one.
 */
export type Tx = TransactionHost<TransactionalAdapterTypeOrm>;
export { TransactionHost };
