import {
  Cloud, PolicyContext, ProductPromise, PromiseConformance, Realization, ServicePlan, Severity, judgeConformance, throwOnErrors,
  deriveName, validateName, NameRule, ALL_PLANS, PLAN_PROMISES, durationWords, recoveryPointKept,
} from '../../lib/plan';

const context: PolicyContext = { plan: ServicePlan.BUSINESS, cloud: Cloud.AWS, service: 'TestService', strict: false, explicit: [] };
const gap = (promise: ProductPromise, realization = Realization.SUBSTITUTED): PromiseConformance =>
  ({ promise, realization, detail: 'the cloud offers less', fix: 'choose another cloud' });

describe('the conformance policy', () => {
  test('ignores promises that are kept natively or emulated', () => {
    expect(judgeConformance([
      { promise: ProductPromise.TLS, realization: Realization.NATIVE, detail: 'on' },
      { promise: ProductPromise.BACKUP_HISTORY, realization: Realization.EMULATED, detail: 'export job' },
    ], context)).toEqual([]);
  });

  test.each([[ProductPromise.NODES], [ProductPromise.AUTOMATIC_FAILOVER]])('makes a %s gap an error', (promise) => {
    expect(judgeConformance([gap(promise, Realization.UNAVAILABLE)], context)[0].severity).toBe(Severity.ERROR);
  });

  test('makes a gap in an explicit setting an error and any other gap a warning', () => {
    const findings = judgeConformance([gap(ProductPromise.NETWORK_ACCESS), gap(ProductPromise.LUA_SCRIPTING)],
      { ...context, explicit: [ProductPromise.LUA_SCRIPTING] });
    expect(findings.map((f) => [f.promise, f.severity])).toEqual([
      [ProductPromise.NETWORK_ACCESS, Severity.WARNING],
      [ProductPromise.LUA_SCRIPTING, Severity.ERROR],
    ]);
  });

  test('turns warnings into errors under strict, and says so', () => {
    const [finding] = judgeConformance([gap(ProductPromise.CONNECTION_LIMIT)], { ...context, strict: true });
    expect(finding.severity).toBe(Severity.ERROR);
    expect(finding.message).toContain('(an error because strict is true)');
    expect(finding.code).toBe('ConnectionLimitNotKept');
  });

  test('names the promise, the cloud, what it offers instead and the fix', () => {
    const [finding] = judgeConformance([gap(ProductPromise.BACKUP_HISTORY)], context);
    expect(finding.message).toBe(
      'TestService (aws) cannot keep the business plan\'s promise "backup history": the cloud offers less. Fix: choose another cloud.');
  });

  test('names the backends that keep the promise after the backend\'s own fix', () => {
    const [finding] = judgeConformance([gap(ProductPromise.BACKUP_HISTORY)], {
      ...context,
      alternatives: (promise) => (promise === ProductPromise.BACKUP_HISTORY ? ['RedisBackend.a()', 'RedisBackend.b()'] : []),
    });
    expect(finding.message).toMatch(/Fix: choose another cloud; or choose a backend that keeps this promise: RedisBackend.a\(\), RedisBackend.b\(\)\.$/);
  });

  test('throws every error at once, with code PromiseNotKept', () => {
    const findings = judgeConformance([gap(ProductPromise.NODES), gap(ProductPromise.AUTOMATIC_FAILOVER), gap(ProductPromise.REGION)], context);
    expect(() => throwOnErrors(findings)).toThrow(expect.objectContaining({ code: 'PromiseNotKept' }));
    expect(() => throwOnErrors(findings)).toThrow(/\[NodesNotKept\] .*"nodes \(primary \+ standbys\)".*\n\[AutomaticFailoverNotKept\] .*"automatic failover"/);
    expect(() => throwOnErrors(findings.filter((f) => f.severity === Severity.WARNING))).not.toThrow();
  });
});

describe('names', () => {
  const rule: NameRule = {
    maxLength: 20, pattern: /^[a-z][a-z0-9-]*$/, description: 'lower-case letters, digits and hyphens, starting with a letter', title: 'Test names', characters: /[a-z0-9-]/,
  };

  test('derives readable, unique names that fit the rule and stay the same', () => {
    const a = deriveName('my-stack/Payments/Cache', rule);
    expect(a).toMatch(rule.pattern);
    expect(a.length).toBeLessThanOrEqual(20);
    expect(a).toBe(deriveName('my-stack/Payments/Cache', rule));
    expect(a).not.toBe(deriveName('other-stack/Payments/Cache', rule));
    expect(deriveName('1/2', rule)).toMatch(/^redis-[0-9a-f]{8}$/);
  });

  test('fails on a name the cloud rejects, naming the prop and the rule', () => {
    expect(() => validateName('Bad_Name', rule, 'name')).toThrow(
      '[InvalidName] name "Bad_Name" is not a valid name here: the character "B" at position 1 is not allowed. Test names allow lower-case letters, digits and hyphens, starting with a letter, at most 20 characters. Choose a name that fits, or omit name to derive one.');
    expect(() => validateName('bad_name', rule, 'name')).toThrow('the character "_" at position 4 is not allowed.');
    expect(() => validateName('a'.repeat(21), rule, 'name')).toThrow('it has 21 characters, 1 too many.');
    expect(() => validateName('1abc', rule, 'name')).toThrow('the characters are allowed, but not in this order.');
  });
});

describe('recoveryPointKept', () => {
  const persistence = (windowSeconds: number) => ({ how: 'persistence', windowSeconds, fix: 'a fix' });
  const replication = 'the standbys replicate every write';

  test.each([
    [1, '1 second'], [60, '1 minute'], [600, '10 minutes'], [3600, '1 hour'], [86400, '24 hours'], [90, '90 seconds'],
  ])('words %d seconds as "%s"', (seconds, words) => {
    expect(durationWords(seconds)).toBe(words);
  });

  test.each(ALL_PLANS)('%s: persistence within 5 minutes keeps it natively', (plan) => {
    expect(recoveryPointKept(PLAN_PROMISES[plan], persistence(1), replication)).toMatchObject({
      realization: Realization.NATIVE, detail: expect.stringContaining('a failure loses at most about 1 second of writes'),
    });
  });

  test.each([ServicePlan.BUSINESS, ServicePlan.PREMIUM])('%s: standbys keep it natively whatever the persistence window', (plan) => {
    expect(recoveryPointKept(PLAN_PROMISES[plan], persistence(86400), replication)).toEqual({
      realization: Realization.NATIVE,
      detail: 'the standbys replicate every write: losing the primary loses only the replication lag (typically under a second); persistence bounds the loss at 24 hours of writes if every node fails at once',
    });
  });

  test.each([ServicePlan.HOBBYIST, ServicePlan.STARTUP])('%s: a longer window on one node is a substitute that states the window', (plan) => {
    expect(recoveryPointKept(PLAN_PROMISES[plan], persistence(600), replication)).toEqual({
      realization: Realization.SUBSTITUTED,
      detail: 'persistence: losing the single node loses up to 10 minutes of writes, not the plan\'s 5 minutes',
      fix: 'a fix',
    });
  });

  test('every plan promises at most 5 minutes of writes', () => {
    expect(ALL_PLANS.map((plan) => PLAN_PROMISES[plan].recoveryPointSeconds)).toEqual([300, 300, 300, 300]);
  });
});
