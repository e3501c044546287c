/**
 * One benchmark sample, in a fresh process: `node child.js <library|baseline> <import|matrix|fleet> <clouds> <size> <outdir>`.
 * Prints one line `BENCH_RESULT {json}`: phases in milliseconds of wall time, CPU time (user + system) in
 * milliseconds, and the peak RSS in MiB.
 */
import { performance } from 'perf_hooks';

interface Side {
  loadBackends(clouds: readonly string[]): void;
  matrixApp(clouds: readonly string[], outdir: string): { constructMs: number; synthMs: number };
  fleet(fleet: { clouds: readonly string[]; size: number; outdir: string }): { constructMs: number; synthMs: number };
}

function main(): void {
  const [side, scenario, cloudList, size, outdir] = process.argv.slice(2);
  const clouds = cloudList.split(',');
  const start = performance.now();
  const startCpu = process.cpuUsage();
  /* eslint-disable @typescript-eslint/no-require-imports -- each child loads only its own side */
  const module = (side === 'library' ? require('./library-side') : require('./baseline-side')) as Side;
  /* eslint-enable @typescript-eslint/no-require-imports */
  module.loadBackends(clouds);
  const importMs = performance.now() - start;
  const importCpu = process.cpuUsage(startCpu);
  const importCpuMs = (importCpu.user + importCpu.system) / 1000;
  const phases = scenario === 'matrix' ? module.matrixApp(clouds, outdir)
    : scenario === 'fleet' ? module.fleet({ clouds, size: Number(size), outdir })
      : { constructMs: 0, synthMs: 0 };
  // performance.now() counts from the start of the process: node's own start-up is included.
  const totalMs = performance.now();
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  const peakRssMib = usage.maxRSS / 1024;
  process.stdout.write(`BENCH_RESULT ${JSON.stringify({ importMs, importCpuMs, ...phases, totalMs, cpuMs, peakRssMib })}\n`);
}

main();
