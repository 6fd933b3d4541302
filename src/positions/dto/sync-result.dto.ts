import { ApiProperty } from '@nestjs/swagger';
import { Position } from '../entities/position.entity';

export class SyncResultDto {
  @ApiProperty({
    type: [Position],
    description: "the caller's positions after the sync, by symbol",
  })
  items!: Position[];
  @ApiProperty() inserted!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() deleted!: number;
}
