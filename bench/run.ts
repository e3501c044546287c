/**
 * `npm run bench`: the library against hand-written cdktf (bench/baselines), sample by sample in fresh
 * processes, library and baseline interleaved. Run through bench/bench.js, which compiles the library,
 * the examples and this directory to JavaScript first, so neither side pays for a TypeScript transpiler.
 *
 * Options: --runs N (5), --sizes 10,100,1000, --only import,matrix,fleet, --cpu-prof DIR (profile every sample),
 * --strict (exit 1 when a target is missed).
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { cpus, loadavg, tmpdir } from 'os';
import { join } from 'path';
import { loadBaselines } from './baselines/baseline';
import { MATRIX_CLOUDS } from '../examples/matrix';

type Side = 'library' | 'baseline';
const SIDES: readonly Side[] = ['library', 'baseline'];

interface Sample {
  readonly importMs: number;
  readonly importCpuMs: number;
  readonly cpuMs: number;
  readonly constructMs: number;
  readonly synthMs: number;
  readonly totalMs: number;
  readonly peakRssMib: number;
}

interface Scenario {
  readonly key: string;
  readonly label: string;
  readonly kind: 'import' | 'matrix' | 'fleet';
  readonly size: number;
  /** The wall time and the CPU time the row reports. */
  readonly time: (sample: Sample) => number;
  readonly cpu: (sample: Sample) => number;
  /** Targets: ratio to the baseline, and absolute limits. */
  readonly maxRatio: number;
  readonly maxMs?: number;
  readonly maxRssMib?: number;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

const RUNS = Math.max(1, Number(option('runs', '5')));
const SIZES = option('sizes', '10,100,1000').split(',').map(Number);
const ONLY = option('only', 'import,matrix,fleet').split(',');
const CPU_PROF = option('cpu-prof', '');
const FLEET_SIZE = 1000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function sample(side: Side, scenario: Scenario, clouds: readonly string[]): Sample {
  const outdir = mkdtempSync(join(tmpdir(), 'choreo-bench-out-'));
  try {
    const flags = CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF, '--cpu-prof-name', `${scenario.key}-${side}-${Date.now()}.cpuprofile`] : [];
    const child = spawnSync(process.execPath, [...flags, join(__dirname, 'child.js'), side, scenario.kind, clouds.join(','), String(scenario.size), outdir],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
    if (child.status !== 0 || line === undefined) {
      throw new Error(`${side} ${scenario.key} failed (exit ${child.status}):\n${child.stderr}${child.stdout}`);
    }
    return JSON.parse(line.slice('BENCH_RESULT '.length));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function scenarios(): Scenario[] {
  const total = (s: Sample) => s.totalMs;
  const cpu = (s: Sample) => s.cpuMs;
  const list: Scenario[] = [];
  if (ONLY.includes('import')) {
    list.push({ key: 'import', label: '(c) cold import + factories', kind: 'import', size: 0, time: (s) => s.importMs, cpu: (s) => s.importCpuMs, maxRatio: 1.2 });
  }
  if (ONLY.includes('matrix')) {
    list.push({ key: 'matrix', label: '(a) matrix app synth', kind: 'matrix', size: 0, time: total, cpu, maxRatio: 1.2 });
  }
  if (ONLY.includes('fleet')) {
    for (const size of [...new Set([...SIZES, FLEET_SIZE])].sort((a, b) => a - b)) {
      list.push(size === FLEET_SIZE
        ? { key: `fleet${size}`, label: `(b) ${size} data stores, one stack`, kind: 'fleet', size, time: total, cpu, maxRatio: 1.2, maxMs: 5000, maxRssMib: 400 }
        : { key: `fleet${size}`, label: `scale: ${size} data stores`, kind: 'fleet', size, time: total, cpu, maxRatio: Infinity });
    }
  }
  return list;
}

function fmt(values: readonly number[], unit: string, digits = 0): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${median(values).toFixed(digits)} ${unit} (${sorted[0].toFixed(digits)}–${sorted[sorted.length - 1].toFixed(digits)})`;
}

function main(): void {
  const baselineClouds = loadBaselines().map((b) => b.cloud);
  const clouds = MATRIX_CLOUDS.map((e) => e.cloud).filter((cloud) => baselineClouds.includes(cloud));
  const missing = MATRIX_CLOUDS.map((e) => e.cloud).filter((cloud) => !baselineClouds.includes(cloud));
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`clouds: ${clouds.join(', ')}; ${RUNS} runs; node ${process.version}; ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}); load average ${load()}`);
  if (missing.length > 0) console.log(`WARNING: no baseline in bench/baselines for ${missing.join(', ')}: left out of (a) and (b)`);

  const list = scenarios();
  // One discarded sample per side warms the file cache for both alike.
  list.forEach((scenario) => SIDES.forEach((side) => sample(side, scenario, clouds)));
  const samples = new Map<string, Record<Side, Sample[]>>(list.map((s) => [s.key, { library: [], baseline: [] }]));
  for (let run = 0; run < RUNS; run++) {
    const order: readonly Side[] = run % 2 === 0 ? SIDES : [...SIDES].reverse();
    for (const scenario of list) {
      for (const side of order) samples.get(scenario.key)![side].push(sample(side, scenario, clouds));
    }
    process.stderr.write(`run ${run + 1}/${RUNS} done\n`);
  }

  console.log(`load average after the runs: ${load()}`);
  const misses: string[] = [];
  const ratio = (library: Sample[], baseline: Sample[], metric: (s: Sample) => number) =>
    median(library.map((s, i) => metric(s) / metric(baseline[i])));
  console.log('\n| Scenario | Library wall | Baseline wall | Ratio | Library CPU | Baseline CPU | Ratio | Library peak RSS | Baseline peak RSS | Ratio |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const scenario of list) {
    const { library, baseline } = samples.get(scenario.key)!;
    const rss = (s: Sample) => s.peakRssMib;
    const ratios = { wall: ratio(library, baseline, scenario.time), CPU: ratio(library, baseline, scenario.cpu), RSS: ratio(library, baseline, rss) };
    console.log(`| ${scenario.label} | ${fmt(library.map(scenario.time), 'ms')} | ${fmt(baseline.map(scenario.time), 'ms')} | ${ratios.wall.toFixed(2)}x | `
      + `${fmt(library.map(scenario.cpu), 'ms')} | ${fmt(baseline.map(scenario.cpu), 'ms')} | ${ratios.CPU.toFixed(2)}x | `
      + `${fmt(library.map(rss), 'MiB')} | ${fmt(baseline.map(rss), 'MiB')} | ${ratios.RSS.toFixed(2)}x |`);
    for (const [what, value] of Object.entries(ratios)) {
      if (value > scenario.maxRatio) misses.push(`${scenario.label}: ${what} ratio ${value.toFixed(2)}x > ${scenario.maxRatio}x`);
    }
    const ms = median(library.map(scenario.time));
    const mib = median(library.map(rss));
    if (scenario.maxMs !== undefined && ms > scenario.maxMs) misses.push(`${scenario.label}: ${ms.toFixed(0)} ms > ${scenario.maxMs} ms`);
    if (scenario.maxRssMib !== undefined && mib > scenario.maxRssMib) misses.push(`${scenario.label}: ${mib.toFixed(0)} MiB > ${scenario.maxRssMib} MiB`);
  }

  const fleets = list.filter((s) => s.kind === 'fleet');
  if (fleets.length > 0) {
    console.log('\nScaling (one stack; per data store = (construct + synth) / data stores, median):\n');
    console.log('| Data stores | Library construct + synth | Baseline construct + synth | Library per data store | Baseline per data store |');
    console.log('|---|---|---|---|---|');
    for (const scenario of fleets) {
      const { library, baseline } = samples.get(scenario.key)!;
      const work = (s: Sample) => s.constructMs + s.synthMs;
      console.log(`| ${scenario.size} | ${fmt(library.map(work), 'ms')} | ${fmt(baseline.map(work), 'ms')} | `
        + `${(median(library.map(work)) / scenario.size).toFixed(2)} ms | ${(median(baseline.map(work)) / scenario.size).toFixed(2)} ms |`);
    }
  }

  console.log('\nWall and CPU (user + system) time: (c) from the first require to the last factory call; the others the whole');
  console.log('process, node start-up included. CPU time is the steadier measure when other processes share the machine.');
  console.log('Median (min–max) of the runs; ratios are medians of the per-run library/baseline ratios.');
  console.log(misses.length === 0 ? '\nAll targets met.' : `\nTargets missed:\n${misses.map((m) => `- ${m}`).join('\n')}`);
  if (misses.length > 0 && process.argv.includes('--strict')) process.exitCode = 1;
}

main();
