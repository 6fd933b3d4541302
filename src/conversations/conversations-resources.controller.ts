import { Body, Controller, Delete, Get, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { Reads, Writes } from '../auth/policy/route-access';
import { CrudService } from '../common/crud/crud.service';
import { ApiDeleteResponses, ApiErrorResponses, ApiPageResponse } from '../common/http/api-docs';
import { respondToDelete } from '../common/http/delete-response';
import { Page } from '../common/pagination/page';
import { DeleteQuery } from '../common/validation/delete-query.dto';
import { DeletePreview } from '../database/cascade-preview.service';
import { Conversation } from './entities/conversation.entity';
import {
  CreateConversationDto,
  UpdateConversationDto,
  ListConversationsQuery,
} from './dto/conversations.dto';
import { conversations, messages } from './conversations.resources';
import { IntIdParam } from '../common/validation/uuid-param';
import { Message } from './entities/message.entity';
import { CreateMessageDto, UpdateMessageDto, ListMessagesQuery } from './dto/messages.dto';

/** /api/conversations: conversations, through the shared CRUD service. */
@ApiTags('conversations')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('conversations')
export class ConversationResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List conversations' })
  @Reads(Conversation)
  @ApiPageResponse(Conversation)
  list(
    @Query() query: ListConversationsQuery,
    @CurrentUser() caller: AuthUser,
  ): Promise<Page<unknown>> {
    return this.crud.list(conversations, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a conversation' })
  @Reads(Conversation)
  @ApiOkResponse({ type: Conversation })
  get(@IntIdParam() id: number, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(conversations, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a conversation' })
  @Writes(Conversation)
  @ApiCreatedResponse({ type: Conversation })
  create(@Body() dto: CreateConversationDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(conversations, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a conversation' })
  @Writes(Conversation)
  @ApiOkResponse({ type: Conversation })
  update(
    @IntIdParam() id: number,
    @Body() dto: UpdateConversationDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(conversations, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a conversation (dryRun=true previews the cascade)' })
  @Writes(Conversation)
  @ApiDeleteResponses()
  async remove(
    @IntIdParam() id: number,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(conversations, id, caller, query));
  }
}

/** /api/messages: messages, through the shared CRUD service. */
@ApiTags('conversations')
@ApiBearerAuth()
@ApiErrorResponses()
@Controller('messages')
export class MessageResourceController {
  constructor(private readonly crud: CrudService) {}

  @Get()
  @ApiOperation({ summary: 'List messages' })
  @Reads(Message)
  @ApiPageResponse(Message)
  list(@Query() query: ListMessagesQuery, @CurrentUser() caller: AuthUser): Promise<Page<unknown>> {
    return this.crud.list(messages, query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a message' })
  @Reads(Message)
  @ApiOkResponse({ type: Message })
  get(@IntIdParam() id: number, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.get(messages, id, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a message' })
  @Writes(Message)
  @ApiCreatedResponse({ type: Message })
  create(@Body() dto: CreateMessageDto, @CurrentUser() caller: AuthUser): Promise<unknown> {
    return this.crud.create(messages, dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a message' })
  @Writes(Message)
  @ApiOkResponse({ type: Message })
  update(
    @IntIdParam() id: number,
    @Body() dto: UpdateMessageDto,
    @CurrentUser() caller: AuthUser,
  ): Promise<unknown> {
    return this.crud.update(messages, id, dto, caller);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a message (dryRun=true previews the cascade)' })
  @Writes(Message)
  @ApiDeleteResponses()
  async remove(
    @IntIdParam() id: number,
    @Query() query: DeleteQuery,
    @Res({ passthrough: true }) res: Response,
    @CurrentUser() caller: AuthUser,
  ): Promise<DeletePreview | void> {
    return respondToDelete(res, await this.crud.remove(messages, id, caller, query));
  }
}

/** The conversations tables' CRUD routes, mounted by the app module. */
export const conversationsResourceControllers = [
  ConversationResourceController,
  MessageResourceController,
];
