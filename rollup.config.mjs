import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

// tsc writes dist/ (ESM + d.ts); rollup makes the minified single files for CDNs, the demo page and the size budgets.
const LOCALES = ['zh-CN', 'en', 'nl'];
/** Each family of per-locale modules, and the name its module exports the catalogue under. */
const FAMILIES = [
  { dir: /\/dist\/core\/i18n\/(zh-CN|en|nl)\.js$/, exportName: { 'zh-CN': 'zhCN', en: 'en', nl: 'nl' } },
  { dir: /\/dist\/core\/i18n\/bills\/(zh-CN|en|nl)\.js$/, exportName: { 'zh-CN': 'zhCN', en: 'en', nl: 'nl' } },
  { dir: /\/dist\/core\/i18n\/request\/(zh-CN|en|nl)\.js$/, exportName: { 'zh-CN': 'zhCN', en: 'en', nl: 'nl' } },
  { dir: /\/dist\/core\/i18n\/account\/(zh-CN|en|nl)\.js$/, exportName: { 'zh-CN': 'zhCN', en: 'en', nl: 'nl' } },
  { dir: /\/dist\/elements\/locales\/(zh-CN|en|nl)\.js$/, exportName: null }, // same export names in every locale
  { dir: /\/dist\/elements\/locales\/shared\/(zh-CN|en|nl)\.js$/, exportName: null },
  { dir: /\/dist\/elements\/locales\/request\/(zh-CN|en|nl)\.js$/, exportName: null },
  { dir: /\/dist\/elements\/locales\/account\/(zh-CN|en|nl)\.js$/, exportName: null },
];

/**
 * A one-locale build: every other locale's catalogue module becomes a re-export of the chosen one, so the bundle
 * carries one language (the element `lang` then only picks number and date conventions of that one language).
 */
function oneLocale(locale) {
  return {
    name: 'one-locale',
    load(id) {
      for (const family of FAMILIES) {
        const m = family.dir.exec(id);
        if (!m) continue;
        const found = m[1];
        if (found === locale) return null;
        const file = `./${locale}.js`;
        if (!family.exportName) return `export * from ${JSON.stringify(file)};`;
        return `export { ${family.exportName[locale]} as ${family.exportName[found]} } from ${JSON.stringify(file)};`;
      }
      return null;
    },
  };
}

const minify = () => terser({ ecma: 2022, module: true, format: { comments: false } });

const build = (input, file, extra = []) => ({
  input,
  // One file each: the languages' (and the form's) dynamic imports are inlined.
  output: { file, format: 'es', sourcemap: true, inlineDynamicImports: true },
  plugins: [...extra, nodeResolve(), minify()],
});

export default [
  // All three languages: what the CDN file and the demo use.
  build('dist/core/index.js', 'bundle/fapiao-kit-core.min.js'),
  build('dist/elements/define-bundle.js', 'bundle/fapiao-kit.min.js'),
  // One language each: the size budgets (test/node/size-budget.test.ts) are checked on these.
  ...LOCALES.flatMap(l => [
    build('dist/core/index.js', `bundle/fapiao-kit-core.${l}.min.js`, [oneLocale(l)]),
    build('dist/elements/define-bundle.js', `bundle/fapiao-kit.${l}.min.js`, [oneLocale(l)]),
  ]),
];
