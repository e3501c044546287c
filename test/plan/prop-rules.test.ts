/**
 * A backend's prop rules all run, in table order; one error reports every failure, and each rule decides for itself
 * whether a Terraform token is skipped.
 */
import { ChoreoRedisError, IsUnresolved, PropRule, checkRules } from '../../lib/plan';

interface Props {
  readonly a?: string;
  readonly b?: string;
}

const TOKEN = '${TfToken[TOKEN.1]}';
const isToken: IsUnresolved = (value) => value === TOKEN;

function rulesLogging(ran: string[]): PropRule<Props>[] {
  return [
    {
      props: ['a'],
      check(props, isUnresolved) {
        ran.push('a');
        if (props.a === undefined || isUnresolved(props.a)) return;
        if (props.a !== 'ok') throw new ChoreoRedisError('BadA', `a "${props.a}" is not "ok".`);
      },
    },
    {
      props: ['b'],
      check(props) {
        ran.push('b');
        if (props.b !== undefined && props.b !== 'ok') throw new ChoreoRedisError('BadB', `b "${props.b}" is not "ok".`);
      },
    },
  ];
}

describe('checkRules', () => {
  test('runs every rule, in order, when the props pass', () => {
    const ran: string[] = [];
    checkRules(rulesLogging(ran), { a: 'ok', b: 'ok' }, isToken);
    expect(ran).toEqual(['a', 'b']);
  });

  test('fails with the rule\'s own error when one rule fails', () => {
    const ran: string[] = [];
    expect(() => checkRules(rulesLogging(ran), { a: 'x', b: 'ok' }, isToken)).toThrow(new ChoreoRedisError('BadA', 'a "x" is not "ok".'));
    expect(ran).toEqual(['a', 'b']);
  });

  test('fails with one InvalidProps error listing every failing rule, in order, each with its code', () => {
    let error: ChoreoRedisError | undefined;
    try {
      checkRules(rulesLogging([]), { a: 'x', b: 'y' }, isToken);
    } catch (e) {
      error = e as ChoreoRedisError;
    }
    expect(error?.code).toBe('InvalidProps');
    expect(error?.message).toBe('[InvalidProps] 2 problems with the props; fix each:\n  - [BadA] a "x" is not "ok".\n  - [BadB] b "y" is not "ok".');
    expect(error?.problems.map((p) => p.code)).toEqual(['BadA', 'BadB']);
  });

  test('reports each prop once: a rule on a prop that has failed is skipped', () => {
    const ran: string[] = [];
    const again: PropRule<Props> = { props: ['a'], check: () => { ran.push('again'); throw new ChoreoRedisError('BadAAgain', 'a again.'); } };
    expect(() => checkRules([...rulesLogging(ran), again], { a: 'x', b: 'ok' }, isToken)).toThrow(new ChoreoRedisError('BadA', 'a "x" is not "ok".'));
    expect(ran).toEqual(['a', 'b']);
  });

  test('leaves out a rule that fails otherwise after another has failed, and rethrows it when it fails alone', () => {
    const crashing: PropRule<Props> = { props: ['b'], check: (props) => { if (props.b === 'crash') throw new TypeError('read of undefined'); } };
    expect(() => checkRules([...rulesLogging([]), crashing], { a: 'x', b: 'crash' }, isToken)).toThrow(/^\[InvalidProps\] 2 problems/);
    expect(() => checkRules([crashing], { b: 'crash' }, isToken)).toThrow(TypeError);
  });

  test('skips a token where the rule says so, and checks it where the rule does not', () => {
    expect(() => checkRules(rulesLogging([]), { a: TOKEN }, isToken)).not.toThrow();
    expect(() => checkRules(rulesLogging([]), { b: TOKEN }, isToken)).toThrow('[BadB]');
  });
});
