/** Defines a tag once; when another build already took it, warns instead of throwing (micro-frontends, portals). */
export function defineOnce(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) customElements.define(tag, ctor);
  else if (existing !== ctor)
    console.warn(`[fapiao-kit] <${tag}> is already defined by another copy; keeping that one.`);
}
