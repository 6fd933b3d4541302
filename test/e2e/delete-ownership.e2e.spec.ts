import {
  decisionOf,
  issueKey,
  serviceClient,
  startTestApp,
  TestApp,
  TestUser,
} from '../support/test-app';

/** The rows a user owns, by the parent chains of the contract's table (owner id is $1). */
const OWNED: Record<string, string> = {
  ai_decisions: 'x.user_id = $1',
  trades: 'x.user_id = $1',
  orders: 'x.user_id = $1',
  ai_outcome_links: 'x.decision_id IN (SELECT id FROM ai_decisions WHERE user_id = $1)',
  ai_trade_outcomes: 'x.decision_id IN (SELECT id FROM ai_decisions WHERE user_id = $1)',
  work_items: 'x.decision_id IN (SELECT id FROM ai_decisions WHERE user_id = $1)',
  data_source_analysis: 'x.decision_id IN (SELECT id FROM ai_decisions WHERE user_id = $1)',
  analysis_feedback: `x.data_source_analysis_id IN (SELECT id FROM data_source_analysis
    WHERE decision_id IN (SELECT id FROM ai_decisions WHERE user_id = $1))`,
};

/**
 * Every row a user owns, as one md5 of the rows' full text, and their number: a delete that
 * changed a single column of one of them (not only one that removed rows) changes the sum.
 */
async function owned(t: TestApp, userId: string): Promise<{ rows: number; md5: string }> {
  const parts = Object.entries(OWNED).map(
    ([table, where]) => `SELECT '${table}:' || x::text AS r FROM ${table} x WHERE ${where}`,
  );
  const [row] = (await t.dataSource.query(
    `SELECT count(*)::int AS rows, md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS md5
       FROM (${parts.join(' UNION ALL ')}) s`,
    [userId],
  )) as Array<{ rows: number; md5: string }>;
  return row;
}

describe('a delete never removes or changes another owner’s rows (e2e)', () => {
  let t: TestApp;
  let a: TestUser;
  let b: TestUser;
  beforeAll(async () => {
    t = await startTestApp('delete_ownership');
    a = t.user;
    b = await t.newUser('bee');
  });
  afterAll(async () => t?.close());

  /** A platform work item (no decision) with B's outcome link on it. */
  async function sharedItemWithBLink(): Promise<{ item: string; link: string }> {
    const platform = serviceClient(t, await issueKey(t, ['platform:write']));
    const item = (await platform.post('/api/work-items').send({ type: 'sync' }).expect(201)).body
      .id as string;
    const link = (
      await b.api
        .post('/api/ai-outcome-links')
        .send({
          decisionId: await decisionOf(b, 'MSFT'),
          workItemId: item,
          symbol: 'MSFT',
          side: 'buy',
        })
        .expect(201)
    ).body.id as string;
    return { item, link };
  }

  it('refuses A’s delete (and its preview) that would cascade through a shared work item into B’s rows, admins too unless force', async () => {
    const { item, link } = await sharedItemWithBLink();
    const decision = await decisionOf(a);
    // The state the re-parenting hole left behind (refused through the API now, see below).
    await t.dataSource.query('UPDATE work_items SET decision_id = $1 WHERE id = $2', [
      decision,
      item,
    ]);
    const before = await owned(t, b.id);
    expect(before.rows).toBeGreaterThanOrEqual(2);

    const preview = await a.api.delete(`/api/ai-decisions/${decision}?dryRun=true`).expect(409);
    const refused = await a.api.delete(`/api/ai-decisions/${decision}`).expect(409);
    for (const r of [preview, refused]) {
      expect(r.body).toMatchObject({
        code: 'HAS_DEPENDENTS',
        details: { dependents: 1, tables: { ai_outcome_links: 1 } },
      });
      // Counts and tables only: nothing that names B or B's rows.
      const text = JSON.stringify(r.body);
      for (const id of [b.id, link, b.username]) expect(text).not.toContain(id);
    }
    expect(await owned(t, b.id)).toEqual(before);
    await a.api.get(`/api/ai-decisions/${decision}`).expect(200);

    await t.admin.api.delete(`/api/ai-decisions/${decision}`).expect(409);
    await t.admin.api.delete(`/api/ai-decisions/${decision}?dryRun=true`).expect(409);
    expect(await owned(t, b.id)).toEqual(before);
    await t.admin.api.delete(`/api/ai-decisions/${decision}?force=true`).expect(204);
    await b.api.get(`/api/ai-outcome-links/${link}`).expect(404);
  });

  it('refuses attaching a shared work item that B’s rows depend on to A’s decision (re-parenting)', async () => {
    const { item } = await sharedItemWithBLink();
    const decision = await decisionOf(a);
    const asA = serviceClient(t, await issueKey(t, ['platform:write', 'act-as-user']), a.id);
    const before = await owned(t, b.id);
    const itemBefore = await t.dataSource.query(
      'SELECT md5(w::text) FROM work_items w WHERE id = $1',
      [item],
    );
    const refused = await asA
      .patch(`/api/work-items/${item}`)
      .send({ decisionId: decision })
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'HAS_DEPENDENTS',
      details: { dependents: 1, tables: { ai_outcome_links: 1 } },
    });
    await t.admin.api.patch(`/api/work-items/${item}`).send({ decisionId: decision }).expect(409);
    expect(
      await t.dataSource.query('SELECT md5(w::text) FROM work_items w WHERE id = $1', [item]),
    ).toEqual(itemBefore);
    expect(await owned(t, b.id)).toEqual(before);
    // A shared item nobody else depends on moves, with its own runs.
    const platform = serviceClient(t, await issueKey(t, ['platform:write']));
    const free = (await platform.post('/api/work-items').send({ type: 'sync' }).expect(201)).body
      .id as string;
    await platform
      .post('/api/work-item-runs')
      .send({ workItemId: free, attemptNumber: 1 })
      .expect(201);
    await asA.patch(`/api/work-items/${free}`).send({ decisionId: decision }).expect(200);
    await a.api.delete(`/api/ai-decisions/${decision}`).expect(204);
  });

  it('refuses B’s delete that would reach A’s analysis feedback through B’s trade outcome', async () => {
    const platform = serviceClient(t, await issueKey(t, ['platform:write']));
    const analysis = (
      await platform
        .post('/api/data-source-analyses')
        .send({ symbol: 'MSFT', source: 'news', analysisType: 'sentiment', dataJson: {} })
        .expect(201)
    ).body.id as string;
    const bDecision = await decisionOf(b, 'MSFT');
    const outcome = (
      await b.api
        .post('/api/ai-trade-outcomes')
        .send({ decisionId: bDecision, symbol: 'MSFT', action: 'buy' })
        .expect(201)
    ).body.id as string;
    // Feedback on the shared analysis about B's outcome, written by a feed acting for B.
    const asB = serviceClient(t, await issueKey(t, ['platform:write', 'act-as-user']), b.id);
    await asB
      .post('/api/analysis-feedback')
      .send({
        dataSourceAnalysisId: analysis,
        tradeOutcomeId: outcome,
        symbol: 'MSFT',
        source: 'news',
      })
      .expect(201);
    // The analysis (and the feedback owned through it) becomes A's.
    const asA = serviceClient(t, await issueKey(t, ['platform:write', 'act-as-user']), a.id);
    await asA
      .patch(`/api/data-source-analyses/${analysis}`)
      .send({ decisionId: await decisionOf(a, 'MSFT') })
      .expect(200);
    const before = await owned(t, a.id);
    const preview = await b.api.delete(`/api/ai-decisions/${bDecision}?dryRun=true`).expect(409);
    expect(preview.body.details).toEqual({ dependents: 1, tables: { analysis_feedback: 1 } });
    await b.api.delete(`/api/ai-decisions/${bDecision}`).expect(409);
    await b.api.delete(`/api/ai-trade-outcomes/${outcome}`).expect(409);
    expect(await owned(t, a.id)).toEqual(before);
  });

  it('still deletes what is the caller’s alone, preview equal to the delete', async () => {
    const decision = await decisionOf(a);
    const item = (
      await a.api.post('/api/work-items').send({ type: 'exec', decisionId: decision }).expect(201)
    ).body.id as string;
    await a.api
      .post('/api/ai-outcome-links')
      .send({ decisionId: decision, workItemId: item, symbol: 'AAPL', side: 'buy' })
      .expect(201);
    const others = await owned(t, b.id);
    const preview = await a.api.delete(`/api/ai-decisions/${decision}?dryRun=true`).expect(200);
    expect(preview.body.wouldDelete).toEqual({
      ai_decisions: 1,
      work_items: 1,
      ai_outcome_links: 1,
    });
    await a.api.delete(`/api/ai-decisions/${decision}`).expect(204);
    expect(await owned(t, b.id)).toEqual(others);
  });
});
