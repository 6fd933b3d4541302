import { ApiProperty } from '@nestjs/swagger';

/** The list envelope of the API contract. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
  nextCursor: string | null;
}

/** Swagger description of the envelope; the concrete item schema is added per endpoint. */
export class PageMetaDto {
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
