import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsDefined, IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';

/** POST /api/conversations: a new conversation. */
export class CreateConversationDto {
  @ApiProperty({ type: String, maxLength: 255 })
  @IsDefined()
  @IsString()
  @MaxLength(255)
  title!: string;
}

/** PATCH /api/conversations/{id}: any subset of the create fields. */
export class UpdateConversationDto extends PartialType(CreateConversationDto) {}

/** GET /api/conversations: paging, plus equality filters on indexed columns. */
export class ListConversationsQuery extends ListQueryDto {}
