import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface ManifestEvent {
  readonly name: string;
  readonly type?: { readonly text: string };
}
interface Manifest {
  readonly modules: readonly {
    readonly declarations?: readonly { readonly tagName?: string; readonly events?: readonly ManifestEvent[] }[];
  }[];
}

// The React wrappers (src/react/index.ts) cannot run in Node (they define custom elements), so their source is read:
// each `createComponent` names its tag and passes event classes through `eventOf(…)`.
const source = readFileSync('src/react/index.ts', 'utf8');
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as Manifest;
const elements = manifest.modules.flatMap(m => m.declarations ?? []).filter(d => d.tagName);

function wrapperEvents(tag: string): Map<string, string> {
  const block = new RegExp(`tagName: '${tag}'[\\s\\S]*?events: \\{([\\s\\S]*?)\\}`).exec(source)?.[1] ?? '';
  return new Map([...block.matchAll(/(on\w+): eventOf\((\w+)\)/g)].map(m => [m[2]!, m[1]!]));
}

describe('the React wrappers', () => {
  it('wrap every element of the manifest', () => {
    assert.deepEqual(elements.map(e => e.tagName).sort(), ['bill-list', 'fapiao-account', 'fapiao-request']);
    for (const e of elements) assert.match(source, new RegExp(`tagName: '${e.tagName}'`));
  });
  for (const element of elements) {
    it(`<${element.tagName}>: one on… prop per event in the manifest, from the event's own class`, async () => {
      const events = (await import('../../../src/elements/events.js')) as unknown as Record<
        string,
        { eventName: string }
      >;
      const wrapped = wrapperEvents(element.tagName!);
      const documented = element.events ?? [];
      assert.deepEqual([...wrapped.keys()].sort(), documented.map(e => e.type?.text).sort());
      for (const event of documented) {
        const type = event.type!.text;
        assert.equal(events[type]?.eventName, event.name, `${type}.eventName`);
        const prop = wrapped.get(type)!;
        const expected = `on${event.name.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase())}`;
        assert.equal(prop, expected, `${type} is ${expected}`);
      }
    });
  }
});
