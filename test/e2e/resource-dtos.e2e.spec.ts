import { IsDefined, IsString } from 'class-validator';
import { resource } from '../../src/common/crud/resource-spec';
import { ListQueryDto } from '../../src/common/pagination/list-query.dto';
import { Conversation } from '../../src/conversations/entities/conversation.entity';
import { startTestApp, TestApp } from '../support/test-app';

/** Rules the explicit resource DTOs add over the column types (src/<feature>/dto/*.dto.ts). */
describe('per-column rules of the resource DTOs (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('resource-dtos');
  });
  afterAll(async () => t?.close());

  const refused = async (url: string, body: Record<string, unknown>, field: string) => {
    const r = await t.admin.api.post(url).send(body).expect(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
    expect(r.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
  };

  it('refuses values the column could store but that mean nothing, before any SQL', async () => {
    const rule = { name: 'dd', ruleType: 'drawdown', condition: { gt: 5 }, threshold: '5' };
    await refused('/api/alert-rules', { ...rule, webhookUrl: 'not a url' }, 'webhookUrl');
    await refused('/api/alert-rules', { ...rule, condition: 'gt 5' }, 'condition');
    const profile = { name: 'p1', provider: 'openai', model: 'm', role: 'analyst' };
    await refused('/api/ai-agent-profiles', { ...profile, maxTokens: 0 }, 'maxTokens');
    await refused('/api/ai-agent-profiles', { ...profile, temperature: '2.5' }, 'temperature');
    // Beyond PostgreSQL's integer: a validation error naming the field, not a database error.
    await refused('/api/work-items', { type: 'sync', maxAttempts: 2 ** 31 }, 'maxAttempts');
    await refused('/api/work-items', { type: 'sync', symbol: 'X'.repeat(33) }, 'symbol');
    await t.admin.api
      .post('/api/alert-rules')
      .send({ ...rule, webhookUrl: 'https://hooks.example.com/a' })
      .expect(201);
  });

  it('validates enum filters of list queries', async () => {
    const r = await t.admin.api.get('/api/work-items?status=NOT_A_STATUS').expect(400);
    expect(r.body.details.map((d: { field: string }) => d.field)).toEqual(['status']);
    await t.admin.api.get('/api/work-items?status=PENDING').expect(200);
  });

  it('refuses at start-up a DTO that would let a body set a server-set column', () => {
    class LeakyDto {
      @IsDefined()
      @IsString()
      userId!: string;
    }
    expect(() =>
      resource({
        path: 'conversations',
        tag: 'conversations',
        entity: Conversation,
        label: 'conversation',
        createDto: LeakyDto,
        updateDto: LeakyDto,
        listQuery: ListQueryDto,
      }),
    ).toThrow('LeakyDto accepts server-set properties: userId');
  });
});
