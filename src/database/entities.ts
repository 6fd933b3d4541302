import { Strategy } from '../strategies/entities/strategy.entity';

/**
 * Every entity of the schema, in one list: the app, the TypeORM CLI and the tests all build
 * their DataSource from it, so they can never disagree about the schema.
 */
export const ENTITIES = [Strategy];
