/**
 * Generates the reference documents in docs/ (and the changelog's list of renames) from the code's own tables, so
 * that they cannot say something the code does not do. `npx projen docs:matrix` rewrites every generated block;
 * test/readme.test.ts fails when one is stale. The tables keep short cells, so that they read on a narrow screen;
 * the long text each row needs goes into a list below its table.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { MATRIX_CLOUDS, MATRIX_VARIANTS, MatrixCloud, MatrixVariant, matrixProps } from '../examples/matrix';
import { BACKEND_DEFINITIONS } from '../lib/backends/backend-definitions';
import {
  ALERT_SIGNAL_TITLES, ALL_PLANS, AccessCapability, AccessSupport, AlertSignal, ChangeEffect, ChangeRule, ChangeTable, CredentialSecretKind,
  DataStoreChange, PROMISE_TITLES, ProductPromise, Realization, ServicePlan, dataPathText, isGap, planChangeEffect, planChangeSteps, renderRenames,
} from '../lib/plan';
import { Assessment, assessDataStore } from '../lib/private/assess';

/** The promises that make an application behave the same on every backend, each a table of backend by plan. */
const PARITY_PROMISES: readonly ProductPromise[] = [
  ProductPromise.ZONE_REDUNDANCY, ProductPromise.EVICTION_POLICY, ProductPromise.ENGINE_COMPATIBILITY, ProductPromise.AVAILABILITY_SLA,
];

/**
 * A promise's title in a table row: its title, shortened where the row would not fit the 120 columns of a narrow
 * screen beside five marks (the list below the table gives the full title).
 */
const rowTitle = (promise: ProductPromise) => (promise === ProductPromise.NETWORK_ACCESS ? 'open, restrictable to IPs and CIDRs' : PROMISE_TITLES[promise]);

/** The plans of the matrix, without the `restricted` variant. */
const PLANS = MATRIX_VARIANTS.filter((variant) => variant !== 'restricted');

/** One matrix entry per backend, in matrix order: a backend may appear on several clouds (Aiven). */
function backendsInMatrix(): MatrixCloud[] {
  const seen = new Set<string>();
  return MATRIX_CLOUDS.filter((entry) => {
    const id = entry.backend(matrixProps(entry, 'business').plan).backendId;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** The backends in matrix order, as their definitions. */
function definitionsInMatrix(): typeof BACKEND_DEFINITIONS[number][] {
  return backendsInMatrix().map((entry) => BACKEND_DEFINITIONS.find((d) => d.id === entry.backend(matrixProps(entry, 'business').plan).backendId)!);
}

/**
 * A backend's name in a heading: its service's name, with the vendor where that name leaves it out (DigitalOcean calls
 * its service "Managed Valkey"), as the README's table of backends names it.
 */
export const serviceTitle = (service: string) => (service === 'Managed Valkey' ? 'DigitalOcean Managed Valkey' : service);

/** A matrix cloud's heading: the stack prefix and the service, such as `aws (ElastiCache)`. */
const cloudTitle = (entry: MatrixCloud) => `${entry.cloud} (${serviceTitle(entry.backend(matrixProps(entry, 'business').plan).service)})`;

type Outcome = { assessment: Assessment } | { refused: string };

const outcomes = new Map<string, Outcome>();

/** The matrix stack's data store, planned (once per run), or the reason the construct refuses it. */
function outcome(entry: MatrixCloud, variant: MatrixVariant): Outcome {
  const key = `${entry.cloud}-${variant}`;
  if (!outcomes.has(key)) {
    const props = matrixProps(entry, variant);
    try {
      outcomes.set(key, { assessment: assessDataStore(props.backend, props, `${key}/Redis`) });
    } catch (e) {
      outcomes.set(key, { refused: (e as Error).message.replace(/^\[\w+\] /, '') });
    }
  }
  return outcomes.get(key)!;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const MARK: Record<Realization, string> = {
  [Realization.NATIVE]: 'native',
  [Realization.EMULATED]: 'emulated',
  [Realization.SUBSTITUTED]: '**substitute**',
  [Realization.UNAVAILABLE]: '**unavailable**',
};

/** A table: a header row, its rule, and one row per entry. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

/** A promise as it is kept for one variant, with the fix where it is a gap. */
function keptText(kept: { realization: Realization; detail: string; fix?: string }): string {
  return `${kept.detail}${isGap(kept.realization) && kept.fix ? ` (fix: ${kept.fix})` : ''}`;
}

/**
 * One list item for a row of a table: the row's title and its text, or, where the variants differ, one nested item
 * per distinct text naming the variants it holds for.
 */
function detailItem(title: string, byVariant: ReadonlyArray<readonly [string, string | undefined]>): string[] {
  const groups = new Map<string, string[]>();
  for (const [variant, text] of byVariant) if (text !== undefined) groups.set(text, [...groups.get(text) ?? [], variant]);
  if (groups.size === 0) return [];
  if (groups.size === 1) return [`- **${title}**: ${cell([...groups.keys()][0])}.`];
  return [`- **${title}**:`, ...[...groups].map(([text, variants]) => `  - ${variants.join(', ')}: ${cell(text)}.`)];
}

/** What each plan becomes on each matrix cloud: one table per cloud, and the plans it refuses below it. */
export function renderPlans(): string {
  const lines: string[] = [];
  for (const entry of MATRIX_CLOUDS) {
    const results = MATRIX_VARIANTS.map((variant) => [variant, outcome(entry, variant)] as const);
    lines.push('', `### ${cloudTitle(entry)}`, '');
    lines.push(...table(['plan', 'nodes', 'size', 'memory', 'backup history', 'engine'], results.map(([variant, result]) => {
      if ('refused' in result) return [variant, 'refused (below)', '-', '-', '-', '-'];
      const { design: plan } = result.assessment;
      const history = plan.backupRetentionDays > 0 ? `${plan.backupRetentionDays} d` : 'none';
      return [variant, `${plan.nodeCount}`, `\`${plan.size.id}\``, `${plan.size.memoryGib} GiB`, history, `${plan.engine} ${plan.engineVersion}`];
    })));
    const refused = results.filter(([, result]) => 'refused' in result);
    if (refused.length > 0) lines.push('');
    for (const [variant, result] of refused) lines.push(`- **${variant}** is refused: ${cell(entry.leftOut[variant] ?? (result as { refused: string }).refused)}.`);
  }
  return lines.join('\n');
}

/** How each promise is kept on each matrix cloud: one table of marks per cloud, and how below it. */
export function renderConformance(): string {
  const lines: string[] = [];
  for (const entry of MATRIX_CLOUDS) {
    const results = MATRIX_VARIANTS.map((variant) => [variant, outcome(entry, variant)] as const);
    lines.push('', `### ${cloudTitle(entry)}`, '');
    const promises = Object.values(ProductPromise);
    lines.push(...table(['promise', ...MATRIX_VARIANTS], promises.map((promise) => [rowTitle(promise), ...results.map(([, result]) =>
      ('refused' in result ? 'refused' : MARK[result.assessment.design.conformance[promise].realization]))])));
    lines.push('', 'How:', '');
    for (const promise of promises) {
      lines.push(...detailItem(PROMISE_TITLES[promise], results.map(([variant, result]) =>
        [variant, 'refused' in result ? undefined : keptText(result.assessment.design.conformance[promise])] as const)));
    }
  }
  return lines.join('\n');
}

/**
 * The parity promises, one table each: a row per matrix cloud, a column per plan, each cell how the backend keeps the
 * promise for that plan; how each cloud keeps it is listed below the table.
 */
export function renderParity(): string {
  const lines: string[] = [];
  const results = new Map(MATRIX_CLOUDS.map((entry) => [entry.cloud, PLANS.map((variant) => [variant, outcome(entry, variant)] as const)]));
  for (const promise of PARITY_PROMISES) {
    lines.push('', `### ${PROMISE_TITLES[promise][0].toUpperCase()}${PROMISE_TITLES[promise].slice(1)}`, '');
    lines.push(...table(['backend', ...PLANS], MATRIX_CLOUDS.map((entry) => [cloudTitle(entry), ...results.get(entry.cloud)!.map(([, result]) =>
      ('refused' in result ? 'refused' : MARK[result.assessment.design.conformance[promise].realization]))])));
    lines.push('');
    for (const entry of MATRIX_CLOUDS) {
      lines.push(...detailItem(cloudTitle(entry), results.get(entry.cloud)!.map(([variant, result]) =>
        [variant, 'refused' in result ? undefined : keptText(result.assessment.design.conformance[promise])] as const)));
    }
  }
  return lines.join('\n');
}

/** A plan pair's cell: the effect in a word or two, bold where it replaces the data store. */
function planPairCell(rule: ChangeRule, from: ServicePlan, to: ServicePlan): string {
  const effect = planChangeEffect(rule, from, to);
  if (effect === ChangeEffect.REPLACES) return '**replaces**';
  if (effect === ChangeEffect.STEPPED) return 'in steps';
  if (effect === ChangeEffect.REFUSED) return planPairStop(rule, from, to) === undefined ? 'refused at apply' : 'refused at plan';
  return effect;
}

/** What to do instead of a refused move between plans, where the data store's record of its plan stops it. */
const planPairStop = (rule: ChangeRule, from: ServicePlan, to: ServicePlan) => rule.exceptions?.find((e) => e.from === from && e.to === to)?.stop;

/** What a move between plans that does not simply apply in place does, for the list below the plan pairs. */
function planPairText(changes: ChangeTable, rule: ChangeRule, from: ServicePlan, to: ServicePlan): string | undefined {
  const effect = planChangeEffect(rule, from, to);
  if (effect === ChangeEffect.REPLACES) return `replaces the data store: ${dataPathText(changes, DataStoreChange.PLAN, effect)}.`;
  if (effect === ChangeEffect.STEPPED) {
    const steps = planChangeSteps(rule, from, to) ?? [];
    const prop = (changes.updateRules ?? []).find((r) => r.stepsProp !== undefined)?.stepsProp;
    return `in place in ${steps.length} steps: stopped at plan; \`${prop}\` sends `
      + `${steps.map((step) => step.map((a) => `\`${a}\``).join(' with ')).join(', then ')}, one deploy each.`;
  }
  if (effect === ChangeEffect.REFUSED) {
    const stop = planPairStop(rule, from, to);
    return stop === undefined ? 'refused by the service at apply; the data store stays as it is.'
      : `refused, and stopped at plan (the data store stays as it is): ${cell(stop)}`;
  }
  return undefined;
}

/** The moves between plans that do not simply apply in place, one list item per kind of move naming its pairs. */
function planPairItems(changes: ChangeTable, rule: ChangeRule, offered: readonly ServicePlan[]): string[] {
  const pairs = new Map<string, string[]>();
  for (const from of offered) {
    for (const to of offered.filter((plan) => plan !== from)) {
      const text = planPairText(changes, rule, from, to);
      if (text !== undefined) pairs.set(text, [...pairs.get(text) ?? [], `${from} to ${to}`]);
    }
  }
  return [...pairs].map(([text, moves]) => `- **${moves.join(', ')}**: ${text}`);
}

/**
 * Each backend's change table: which prop changes apply in place, which the service refuses, and which replace the
 * data store (stopped at plan, and carried where the service restores at creation); every pair of plans; the
 * create-time restore or the steps without one; and what one update may contain.
 */
export function renderChanges(): string {
  const lines: string[] = [];
  for (const entry of backendsInMatrix()) {
    const backend = entry.backend(matrixProps(entry, 'business').plan);
    const changes: ChangeTable = backend._changes;
    const planRule = changes.rules.find((r) => r.change === DataStoreChange.PLAN)!;
    const planExceptions = (planRule.exceptions ?? []).length > 0;
    lines.push('', `### ${serviceTitle(backend.service)}`, '');
    lines.push(...table(['change', 'effect', 'data'], changes.rules.map((rule) => {
      const effect = rule.effect === ChangeEffect.REPLACES ? `**${rule.effect}**` : rule.effect;
      return rule === planRule && planExceptions ? [rule.change, `${effect}, but see the plan pairs`, 'see the plan pairs']
        : [rule.change, effect, dataPathText(changes, rule.change, rule.effect)];
    }).concat((changes.propRules ?? []).map((rule) => [`\`${rule.prop}\``,
      rule.effect === ChangeEffect.REPLACES ? `**${rule.effect}**` : rule.effect, dataPathText(changes, rule, rule.effect)]))));
    lines.push('', 'What each change does (the attributes of the primary resource that change, and how):', '');
    for (const rule of changes.rules) {
      const attributes = rule.attributes.length === 0 ? 'no attribute of the primary resource' : rule.attributes.map((a) => `\`${a}\``).join(', ');
      lines.push(`- **${rule.change}** (${attributes}): ${cell(rule.note)}.`);
    }
    for (const rule of changes.propRules ?? []) {
      const attributes = rule.attributes.length === 0 ? 'no attribute of the primary resource' : rule.attributes.map((a) => `\`${a}\``).join(', ');
      lines.push(`- **\`${rule.prop}\`** (${attributes}): ${cell(rule.note)}.`);
    }
    const offered = ALL_PLANS.filter((plan) => entry.leftOut[plan as MatrixVariant] === undefined);
    lines.push('', 'Plan pairs (from the row\'s plan to the column\'s):', '');
    lines.push(...table(['from \\ to', ...offered], offered.map((from) =>
      [from, ...offered.map((to) => (to === from ? '-' : planPairCell(planRule, from, to)))])));
    const pairs = planPairItems(changes, planRule, offered);
    if (pairs.length > 0) lines.push('', ...pairs);
    const { carry } = changes;
    const restore = carry.restoreProp === undefined
      ? 'none in the pinned provider'
      : `\`${carry.restoreProp}\` sets \`${carry.restoreAttributes![0]}\`; ${carry.restoreAttributes!.map((a) => `\`${a}\``).join(' and ')} `
        + `${carry.restoreAttributes!.length > 1 ? 'act' : 'acts'} only at creation (ignore_changes)`;
    lines.push('', `- **Create-time restore:** ${restore}; ${cell(carry.source)}.`);
    lines.push(`- **When a change is stopped at plan, to keep the data:** ${cell(carry.steps)}`);
    lines.push(`- **What one update contains:** ${cell(changes.updateFacts)}.`);
    for (const rule of changes.updateRules ?? []) {
      lines.push(`- **Refused as one update:** ${cell(rule.rule)}. To make such a change: ${cell(rule.steps)}`);
    }
    lines.push(`- **Source of the force-new facts:** ${changes.source}.`);
  }
  return lines.join('\n');
}

/** Each backend's lifecycle: what destroy deletes and leaves, names unique beyond the stack, token allow-list entries. */
export function renderLifecycle(): string {
  const lines: string[] = [];
  for (const d of definitionsInMatrix()) {
    const lifecycle = d.lifecycle;
    if (lifecycle === undefined) continue;
    lines.push('', `### ${serviceTitle(d.service)} (\`RedisBackend.${d.factory}()\`)`, '');
    lines.push(`- **\`terraform destroy\` deletes:** ${lifecycle.destroyDeletes.join('; ')}.`);
    lines.push(`- **It leaves:** ${lifecycle.destroyLeaves.length === 0 ? 'nothing' : lifecycle.destroyLeaves.join('; ')}.`);
    lines.push(`- **Removing the construct from the stack** (or renaming it without \`movedFrom\`)**:** ${lifecycle.removal}.`);
    lines.push(`- **Allow-list entries that are Terraform tokens:** ${lifecycle.tokenCidrs}.`);
    lines.push('', ...table(['name', 'unique in'], lifecycle.uniqueNames.map((n) => [cell(n.name), cell(n.scope)])));
    lines.push('', 'How the library keeps each unique:', '');
    lifecycle.uniqueNames.forEach((n) => lines.push(`- **${cell(n.name)}**: ${cell(n.how)}.`));
  }
  return lines.join('\n');
}

/** The alerts: per backend, its targets, a table of how it watches each signal, and with what below it. */
export function renderAlerts(): string {
  const lines: string[] = [];
  for (const d of definitionsInMatrix()) {
    lines.push('', `### ${serviceTitle(d.service)} (\`${d.factory}\`)`, '');
    if (d.alerts === undefined) {
      lines.push('Not yet built: `alerts` is refused.');
      continue;
    }
    const { alerts } = d;
    lines.push(`Targets: ${alerts.targets.map((k) => `\`AlertTarget.${k}()\``).join(', ')}.`, '');
    const signals = Object.values(AlertSignal);
    lines.push(...table(['signal', 'watched'], signals.map((signal) => {
      const watch = alerts.coverage[signal].watch;
      return [ALERT_SIGNAL_TITLES[signal], watch === 'unavailable' ? '**unavailable**' : watch];
    })));
    lines.push('', 'With what (or why not):', '');
    for (const signal of signals) lines.push(`- **${ALERT_SIGNAL_TITLES[signal]}**: ${cell(alerts.coverage[signal].detail)}.`);
  }
  return lines.join('\n');
}

/** The mark of an access feature: native, emulated, or bold unavailable. */
const supportMark = (c: AccessCapability) => (c.support === AccessSupport.UNAVAILABLE ? '**unavailable**' : c.support);

/** An access feature's text, and its fix where it is unavailable. */
const capabilityText = (c: AccessCapability) => `${cell(c.detail)}.${c.fix === undefined ? '' : ` Fix: ${cell(c.fix)}.`}`;

/** The access reference: per backend, a table of the access features, and what each does below it. */
export function renderAccess(): string {
  const stores = Object.values(CredentialSecretKind).map((k) => `\`CredentialSecret.${k}()\``).join(', ');
  const lines: string[] = [];
  for (const d of definitionsInMatrix()) {
    const { access } = d;
    lines.push('', `### ${serviceTitle(d.service)} (\`${d.factory}\`)`, '');
    lines.push(...table(['access', 'support'], [
      ['credentials in a secret store (`access.secret`)', 'emulated'],
      ['rotation without downtime (`access.rotation`)', supportMark(access.rotation)],
      ['identity instead of a password (`access.identityAuth`, `grantConnect()`)', supportMark(access.identity)],
    ]));
    lines.push('');
    lines.push(`- **Secret store**: ${stores}, written write-only, readers explicit; the document holds ${access.secretFields.map((f) => `\`${f}\``).join(', ')}.`);
    lines.push(`- **The password in Terraform state**: ${cell(access.passwordInState)}.`);
    lines.push(`- **Rotation**: ${capabilityText(access.rotation)}`);
    lines.push(`- **Identity**: ${capabilityText(access.identity)}`);
  }
  return lines.join('\n');
}

/** What the first apply after adopting changes on each backend, and where adopting is refused: the warnings' own data. */
export function renderAdoptionConsequences(): string {
  const lines: string[] = [];
  for (const d of definitionsInMatrix()) {
    lines.push('', `### ${serviceTitle(d.service)} (\`${d.factory}\`)`, '');
    for (const c of d.adoptionConsequences ?? []) {
      const when = c.when === undefined ? '' : ` (${c.when.text})`;
      lines.push(`- ${c.refused === true ? 'refused, ' : ''}\`${c.code}\`${when}: ${c.changes}. Fix: ${c.fix}.`);
    }
  }
  return lines.join('\n');
}

/** The width generated prose is wrapped at: the project's line length. */
export const WRAP_WIDTH = 120;

/**
 * A word that would read as Markdown block syntax at the start of a line (a list marker, a heading, a quote, a table
 * row, a fence): kept on the line of the word before it.
 */
const BLOCK_START = /^([-+*]|#{1,6}|=+|\d{1,9}[.)])$|^[>|]|^(`{3}|~{3})/;

/**
 * Wraps a line of prose or a list item at `width` columns, each further line indented under the item's text, so that
 * Markdown reads it as the same paragraph or item. Table rows and headings are left as they are.
 */
export function wrapLine(line: string, width = WRAP_WIDTH): string[] {
  if (line.length <= width || line.startsWith('|') || line.startsWith('#')) return [line];
  const [, lead, marker] = /^( *)((?:[-*] |\d+\. )?)/.exec(line)!;
  const indent = ' '.repeat(lead.length + marker.length);
  const words = line.slice(lead.length + marker.length).split(' ').reduce<string[]>((glued, word) =>
    (glued.length > 0 && BLOCK_START.test(word) ? [...glued.slice(0, -1), `${glued[glued.length - 1]} ${word}`] : [...glued, word]), []);
  const lines: string[] = [];
  let current = `${lead}${marker}${words[0]}`;
  for (const word of words.slice(1)) {
    if (current.length + 1 + word.length > width) {
      lines.push(current);
      current = `${indent}${word}`;
    } else {
      current = `${current} ${word}`;
    }
  }
  return [...lines, current];
}

/** Wraps every long line of generated Markdown (see `wrapLine`). */
export function wrapMarkdown(text: string, width = WRAP_WIDTH): string {
  return text.split('\n').flatMap((line) => wrapLine(line, width)).join('\n');
}

/** Generated Markdown with each wrapped paragraph or list item on one line again: what tests search for text in. */
export function unwrapMarkdown(text: string): string {
  return text.replace(/\n( +)(?![-*] |\d+\. |\|)(?=\S)/g, ' ');
}

/** A block of a generated file: its name in the markers and what it holds. */
export interface GeneratedBlock {
  /** The file, relative to the project root. */
  readonly file: string;
  /** The block's name in its markers, `<!-- name:begin ... -->` and `<!-- name:end -->`. */
  readonly name: string;
  /** The block's Markdown, without its markers. */
  readonly render: () => string;
}

/** Every generated block, by file. */
export const GENERATED_BLOCKS: readonly GeneratedBlock[] = [
  { file: 'docs/plans.md', name: 'plans', render: renderPlans },
  { file: 'docs/conformance.md', name: 'conformance', render: renderConformance },
  { file: 'docs/parity.md', name: 'parity', render: renderParity },
  { file: 'docs/changes.md', name: 'changes', render: renderChanges },
  { file: 'docs/lifecycle.md', name: 'lifecycle', render: renderLifecycle },
  { file: 'docs/alerts.md', name: 'alerts', render: renderAlerts },
  { file: 'docs/access.md', name: 'access', render: renderAccess },
  { file: 'docs/adoption.md', name: 'adoption-consequences', render: renderAdoptionConsequences },
  { file: 'CHANGELOG.md', name: 'renames', render: () => `\n${renderRenames()}` },
];

/** The markers around a generated block. */
export function markers(name: string): { begin: string; end: string } {
  return { begin: `<!-- ${name}:begin (generated by \`npx projen docs:matrix\`; do not edit) -->`, end: `<!-- ${name}:end -->` };
}

/** The text of a block's content between its markers, or an error naming the file and the missing marker. */
export function blockIn(text: string, file: string, name: string): string {
  const { begin, end } = markers(name);
  const start = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (start < 0 || stop < start) throw new Error(`${file} has no "${begin}" ... "${end}" block`);
  return text.slice(start + begin.length, stop);
}

/** The file's text with each of its generated blocks replaced by what the code generates now. */
export function updateGenerated(file: string, text: string): string {
  return GENERATED_BLOCKS.filter((block) => block.file === file).reduce((current, block) => {
    const old = blockIn(current, file, block.name);
    const start = current.indexOf(markers(block.name).begin) + markers(block.name).begin.length;
    return `${current.slice(0, start)}\n${wrapMarkdown(block.render())}\n\n${current.slice(start + old.length)}`;
  }, text);
}

if (require.main === module) {
  const root = join(__dirname, '..');
  for (const file of new Set(GENERATED_BLOCKS.map((block) => block.file))) {
    writeFileSync(join(root, file), updateGenerated(file, readFileSync(join(root, file), 'utf8')));
  }
}
