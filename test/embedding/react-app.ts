// A React 19 app using the package's wrappers, bundled by esbuild (scripts/test.mjs) into .build/embedding.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BillList, FapiaoRequest } from 'fapiao-kit/react';
import type { Invoice } from 'fapiao-kit';

function App() {
  const [chosen, setChosen] = useState<readonly Invoice[]>([]);
  const [events, setEvents] = useState<string[]>([]);
  (window as unknown as { reactEvents: string[] }).reactEvents = events;
  return h(
    'div',
    null,
    h(BillList, {
      apiBase: '/api/v1/',
      token: 'demo-token-contoso',
      range: '12',
      lang: 'nl',
      onFapiaoRequest: e => {
        setEvents(x => [...x, e.type]);
        setChosen(e.detail.invoices);
      },
    }),
    chosen.length
      ? h(FapiaoRequest, {
          apiBase: '/api/v1/',
          token: 'demo-token-contoso',
          lang: 'nl',
          hideHistory: true,
          invoices: chosen,
          onFapiaoCancelled: e => {
            setEvents(x => [...x, e.type]);
            setChosen([]);
          },
        })
      : null,
    h('output', { id: 'count' }, String(chosen.length)),
  );
}
createRoot(document.getElementById('root')!).render(h(App));
