import { Controller, Get, Headers, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/policy/route-access';
import { Metrics } from './metrics';

/** Prometheus metrics at GET /metrics (outside /api, no token: scrape it from inside the network). */
@ApiTags('monitoring')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics',
    description:
      'OpenMetrics with trace exemplars when the scraper accepts application/openmetrics-text, Prometheus text otherwise',
  })
  @ApiOkResponse({ description: 'Prometheus text format, or OpenMetrics' })
  async scrape(
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { contentType, body } = await this.metrics.render(
      (accept ?? '').includes('application/openmetrics-text'),
    );
    res.setHeader('Content-Type', contentType);
    return body;
  }
}
