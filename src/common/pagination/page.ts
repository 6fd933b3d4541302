import { ApiProperty } from '@nestjs/swagger';

/** The list envelope of the API contract. */
export interface Page<T> {
  items: T[];
  /** Null unless the client asked with includeTotal=true: a count costs what the history holds. */
  total: number | null;
  limit: number;
  offset: number;
  nextCursor: string | null;
  /** Whether a next page exists (the query fetched one row more than the limit). */
  hasMore: boolean;
}

/** Swagger description of the envelope; the concrete item schema is added per endpoint. */
export class PageMetaDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'count of every matching row; null unless includeTotal=true',
  })
  total!: number | null;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ description: 'whether a next page exists' }) hasMore!: boolean;
}
