import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { INT4_MAX } from '../../common/validation/integer';

/** POST /api/messages: a new message. */
export class CreateMessageDto {
  @ApiProperty({ type: Number, minimum: 1, maximum: INT4_MAX })
  @IsDefined()
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  conversationId!: number;

  @ApiProperty({ type: String, enum: ['user', 'assistant', 'system'] })
  @IsDefined()
  @IsIn(['user', 'assistant', 'system'])
  role!: string;

  @ApiProperty({ type: String, maxLength: 100_000 })
  @IsDefined()
  @IsString()
  @MaxLength(100_000)
  content!: string;
}

/** PATCH /api/messages/{id}: any subset of the create fields. */
export class UpdateMessageDto extends PartialType(CreateMessageDto) {}

/** GET /api/messages: paging, plus equality filters on indexed columns. */
export class ListMessagesQuery extends ListQueryDto {
  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: INT4_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(INT4_MAX)
  conversationId?: number;

  @ApiPropertyOptional({ type: String, enum: ['user', 'assistant', 'system'] })
  @IsOptional()
  @IsIn(['user', 'assistant', 'system'])
  role?: string;
}
