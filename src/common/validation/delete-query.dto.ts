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
      "admins only: delete platform data even though users' rows depend on it (they are deleted too)",
  })
  @BooleanQuery()
  force?: boolean;
}
