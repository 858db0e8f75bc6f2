import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

// tsc writes dist/ (ESM + d.ts); rollup makes the minified single files for CDNs, the demo page and the size budget.
const plugins = [nodeResolve(), terser({ ecma: 2022, module: true, format: { comments: false } })];
const onwarn = (warning, warn) => {
  if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning); // tsc's decorator helpers; harmless in ESM (TOOLCHAIN P9)
};

export default [
  {
    input: 'dist/core/index.js',
    output: { file: 'bundle/fapiao-kit-core.min.js', format: 'es', sourcemap: true },
    plugins,
    onwarn,
  },
  {
    // One file that defines the elements, with lit, ky and date-fns inside.
    input: 'dist/elements/define.js',
    output: { file: 'bundle/fapiao-kit.min.js', format: 'es', sourcemap: true },
    plugins,
    onwarn,
  },
];
