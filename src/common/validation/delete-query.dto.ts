import { ApiPropertyOptional } from '@nestjs/swagger';
import { BooleanQuery } from './boolean-query';

/** `DELETE ...?dryRun=true` answers what the delete would remove, and removes nothing. */
export class DeleteQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'preview the cascade; delete nothing' })
  @BooleanQuery()
  dryRun?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      "admins only: delete even though rows of other owners depend on the row (users' rows under platform data, another user's rows): they are deleted too",
  })
  @BooleanQuery()
  force?: boolean;
}
