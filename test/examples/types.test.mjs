// Each example compiled by its own type checker (`npm run typecheck` in its folder: tsc, vue-tsc,
// svelte-check), against the declarations the build generates from custom-elements.json
// (dist/types/frameworks/). Each example holds a file of mistakes marked as expected errors
// (a prop or event that does not exist, a wrong type), so declarations that let them through
// fail this as surely as declarations that reject the examples' own code. (examples/next is
// type-checked by its own `next build` in next.test.mjs, which fails on any type error.)
import { test } from 'node:test';
import { ROOT, run } from './harness.mjs';

for (const [example, checker] of [
  ['react', 'tsc'],
  ['vue', 'vue-tsc, strictTemplates'],
  ['svelte', 'svelte-check'],
]) {
  test(`examples/${example} type-checks with ${checker}`, async () => {
    await run('npm', ['run', '-s', 'typecheck'], { cwd: `${ROOT}examples/${example}`, env: { NEXT_TELEMETRY_DISABLED: '1' } });
  });
}
