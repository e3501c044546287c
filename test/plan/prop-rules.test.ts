/**
 * A backend's prop rules run in table order; the first that fails throws, and each rule decides for itself
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

  test('fails with the first failing rule, and runs no rule after it', () => {
    const ran: string[] = [];
    expect(() => checkRules(rulesLogging(ran), { a: 'x', b: 'y' }, isToken)).toThrow('[BadA] a "x" is not "ok".');
    expect(ran).toEqual(['a']);
  });

  test('skips a token where the rule says so, and checks it where the rule does not', () => {
    expect(() => checkRules(rulesLogging([]), { a: TOKEN }, isToken)).not.toThrow();
    expect(() => checkRules(rulesLogging([]), { b: TOKEN }, isToken)).toThrow('[BadB]');
  });
});
