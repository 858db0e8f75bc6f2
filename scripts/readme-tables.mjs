#!/usr/bin/env node
// `npm run readme`: writes the element reference tables in README.md from custom-elements.json (between the
// `<!-- elements:start -->` and `<!-- elements:end -->` markers). A package test fails when README is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const cell = text =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s+/g, ' ')
    .trim();

export function elementTables(manifest) {
  const out = [];
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      out.push(`### \`<${d.tagName}>\``, '', cell(d.summary ?? d.description), '');
      const table = (title, head, rows) => {
        if (!rows.length) return;
        out.push(
          `**${title}**`,
          '',
          `| ${head.join(' | ')} |`,
          `| ${head.map(() => '---').join(' | ')} |`,
          ...rows.map(r => `| ${r.map(cell).join(' | ')} |`),
          '',
        );
      };
      table(
        'Attributes',
        ['attribute', 'property', 'description'],
        (d.attributes ?? []).map(a => [`\`${a.name}\``, a.fieldName ? `\`${a.fieldName}\`` : '', a.description]),
      );
      const attributeFields = new Set((d.attributes ?? []).map(a => a.fieldName));
      table(
        'Properties (JavaScript only)',
        ['property', 'type', 'description'],
        (d.members ?? [])
          .filter(
            m =>
              m.kind === 'field' &&
              !attributeFields.has(m.name) &&
              !m.static &&
              m.privacy !== 'private' &&
              m.privacy !== 'protected',
          )
          .map(m => [`\`${m.name}\``, m.type?.text ? `\`${m.type.text}\`` : '', m.description]),
      );
      table(
        'Methods',
        ['method', 'description'],
        (d.members ?? [])
          .filter(
            m =>
              m.kind === 'method' &&
              !m.static &&
              m.privacy !== 'private' &&
              m.privacy !== 'protected' &&
              !m.name.endsWith('Callback'),
          )
          .map(m => [`\`${m.name}()\``, m.description]),
      );
      table(
        'Events',
        ['event', 'type', 'description'],
        (d.events ?? []).map(e => [`\`${e.name}\``, e.type?.text ? `\`${e.type.text}\`` : '', e.description]),
      );
      table(
        'Slots',
        ['slot', 'description'],
        (d.slots ?? []).map(s => [`\`${s.name || '(default)'}\``, s.description]),
      );
      table(
        'CSS parts (`::part()`)',
        ['part', 'description'],
        (d.cssParts ?? []).map(p => [`\`${p.name}\``, p.description]),
      );
      table(
        'CSS custom properties',
        ['property', 'description'],
        (d.cssProperties ?? []).map(p => [`\`${p.name}\``, p.description]),
      );
    }
  }
  return out.join('\n');
}

export function readmeWithTables(readme, manifest) {
  const start = '<!-- elements:start -->';
  const end = '<!-- elements:end -->';
  const [before, rest] = readme.split(start);
  const [, after] = rest.split(end);
  return `${before}${start}\n${elementTables(manifest)}\n${end}${after}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  writeFileSync('README.md', readmeWithTables(readFileSync('README.md', 'utf8'), manifest));
}
