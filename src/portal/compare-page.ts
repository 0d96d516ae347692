// The portal's compare page in the browser: the two chosen reports (?as=&ay=&bs=&by=, shareable), their figures
// side by side when they are of one kind, and their problems, causes and measures. Everything read is the site's
// own JSON, already masked for the edition; every string goes in as text, never as markup.
interface ReportChoice { id: string; office: string; group: string; kind: string; kindName: string; years: number[] }
interface StatsRecord { metric: string; label: string; unit: string; group: string; year: number; shown: string; status: string; value: number | null }
interface StatsDoc { metrics: { id: string; label: string; unit: string; group: string }[]; values: StatsRecord[] }
interface ItemsDoc { reports: { year: number; title: string; items: { kind: string; title: string; anchor: string }[] }[] }

const KINDS: [string, string][] = [['problems', '存在问题'], ['causes', '原因分析'], ['measures', '工作措施'], ['work', '工作情况']];

const root = document.querySelector<HTMLElement>('[data-portal-compare]');
if (root) start(root);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function start(root: HTMLElement): void {
  const base = (root.dataset.base ?? '/').replace(/\/?$/, '/');
  let reports: ReportChoice[] = [];
  try {
    reports = JSON.parse(root.dataset.reports ?? '[]') as ReportChoice[];
  } catch {
    reports = [];
  }
  const byId = new Map(reports.map((r) => [r.id, r]));
  const status = root.querySelector<HTMLElement>('[data-compare-status]')!;
  const out = root.querySelector<HTMLElement>('[data-compare-result]')!;
  const form = root.querySelector<HTMLFormElement>('[data-compare-form]')!;
  const seriesSelect = (k: string) => root.querySelector<HTMLSelectElement>(`[data-series-select="${k}"]`)!;
  const yearSelect = (k: string) => root.querySelector<HTMLSelectElement>(`[data-year-select="${k}"]`)!;

  const fillYears = (k: string, want?: number) => {
    const r = byId.get(seriesSelect(k).value);
    const sel = yearSelect(k);
    sel.replaceChildren(...(r?.years ?? []).map((y) => {
      const o = el('option', `${y}年`);
      o.value = String(y);
      o.selected = y === want;
      return o;
    }));
  };
  for (const k of ['a', 'b']) seriesSelect(k).addEventListener('change', () => fillYears(k, Number(yearSelect(k === 'a' ? 'b' : 'a').value)));

  // The choice in the address, when it names reports the portal has.
  const params = new URLSearchParams(location.search);
  const chosen = (['a', 'b'] as const).map((k) => {
    const id = params.get(`${k}s`) ?? '';
    const year = Number(params.get(`${k}y`));
    return byId.get(id)?.years.includes(year) ? { r: byId.get(id)!, year } : undefined;
  });
  for (const [i, k] of (['a', 'b'] as const).entries()) {
    const c = chosen[i];
    if (c) seriesSelect(k).value = c.r.id;
    fillYears(k, c?.year);
  }
  form.addEventListener('submit', () => undefined);
  if (chosen[0] && chosen[1]) void show(chosen[0], chosen[1]);
  else if (params.has('as') || params.has('bs')) status.textContent = '地址中的报告在门户中找不到，请重新选择。';

  async function json<T>(url: string): Promise<T> {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}：${res.status}`);
    return (await res.json()) as T;
  }

  async function show(a: { r: ReportChoice; year: number }, b: { r: ReportChoice; year: number }): Promise<void> {
    status.textContent = '正在读取两份报告…';
    try {
      const [sa, sb, ia, ib] = await Promise.all([
        json<StatsDoc>(`${base}${a.r.id}/data/stats.json`),
        json<StatsDoc>(`${base}${b.r.id}/data/stats.json`),
        json<ItemsDoc>(`${base}${a.r.id}/data/items.json`),
        json<ItemsDoc>(`${base}${b.r.id}/data/items.json`),
      ]);
      render(a, b, sa, sb, ia, ib);
      status.textContent = '';
    } catch (e) {
      status.textContent = `读取报告数据失败：${(e as Error).message}`;
    }
  }

  function render(a: { r: ReportChoice; year: number }, b: { r: ReportChoice; year: number }, sa: StatsDoc, sb: StatsDoc, ia: ItemsDoc, ib: ItemsDoc): void {
    const name = (x: { r: ReportChoice; year: number }) => `${x.r.office} ${x.year}年`;
    const link = (x: { r: ReportChoice; year: number }, anchor?: string) => `${base}${x.r.id}/${x.year}/${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
    const parts: HTMLElement[] = [];
    const h = el('h2', `${name(a)} 与 ${name(b)}`, 'section-title');
    h.id = 'compare-result-title';
    parts.push(h);
    const heads = el('p');
    for (const [i, x] of [a, b].entries()) {
      const title = (i === 0 ? ia : ib).reports.find((r) => r.year === x.year)?.title ?? name(x);
      const anchor = el('a', title);
      anchor.href = link(x);
      heads.append(i === 0 ? '' : ' · ', anchor);
    }
    parts.push(heads);
    if (a.r.kind === b.r.kind) parts.push(figures(a, b, sa, sb));
    else parts.push(el('p', `两份报告类型不同（${a.r.kindName}、${b.r.kindName}），只对比文字条目。`, 'muted'));
    parts.push(texts(a, b, ia, ib, link));
    out.replaceChildren(...parts);
    h.tabIndex = -1;
    h.focus();
  }

  function figures(a: { r: ReportChoice; year: number }, b: { r: ReportChoice; year: number }, sa: StatsDoc, sb: StatsDoc): HTMLElement {
    const at = (doc: StatsDoc, year: number) => new Map(doc.values.filter((v) => v.year === year).map((v) => [v.metric, v]));
    const va = at(sa, a.year);
    const vb = at(sb, b.year);
    const rows = sa.metrics.filter((m) => (va.get(m.id)?.status ?? 'missing') !== 'missing' || (vb.get(m.id)?.status ?? 'missing') !== 'missing');
    const wrap = el('div', undefined, 'table-scroll');
    wrap.tabIndex = 0;
    wrap.setAttribute('role', 'region');
    wrap.setAttribute('aria-label', '两份报告的数字');
    const table = el('table', undefined, 'portal-table compare-figures');
    table.append(el('caption', `各项数字（${rows.length} 项；“—”为未填，“已遮蔽”的数字不作比较）`));
    const head = el('tr');
    for (const t of ['指标', `${a.r.office} ${a.year}年`, `${b.r.office} ${b.year}年`, '差额（后者 − 前者）']) {
      const th = el('th', t);
      th.scope = 'col';
      head.append(th);
    }
    head.firstElementChild!.className = 'sticky-col';
    table.append(el('thead'));
    table.tHead!.append(head);
    const body = el('tbody');
    let group = '';
    for (const m of rows) {
      if (m.group !== group) {
        group = m.group;
        const gr = el('tr', undefined, 'group-row');
        const th = el('th', group, 'sticky-col');
        th.colSpan = 4;
        gr.append(th);
        body.append(gr);
      }
      const x = va.get(m.id);
      const y = vb.get(m.id);
      const tr = el('tr');
      const th = el('th', `${m.label}${m.unit ? `（${m.unit}）` : ''}`, 'sticky-col');
      th.scope = 'row';
      const diff = x?.status === 'exact' && y?.status === 'exact' && x.value !== null && y.value !== null ? Math.round((y.value - x.value) * 1e6) / 1e6 : undefined;
      tr.append(th, el('td', x?.shown ?? '—', 'num'), el('td', y?.shown ?? '—', 'num'), el('td', diff === undefined ? '' : diff > 0 ? `+${diff}` : String(diff), 'num'));
      body.append(tr);
    }
    table.append(body);
    wrap.append(table);
    return wrap;
  }

  function texts(a: { r: ReportChoice; year: number }, b: { r: ReportChoice; year: number }, ia: ItemsDoc, ib: ItemsDoc, link: (x: { r: ReportChoice; year: number }, anchor?: string) => string): HTMLElement {
    const box = el('div');
    const of = (doc: ItemsDoc, year: number) => doc.reports.find((r) => r.year === year)?.items ?? [];
    const xa = of(ia, a.year);
    const xb = of(ib, b.year);
    for (const [kind, label] of KINDS) {
      const la = xa.filter((i) => i.kind === kind);
      const lb = xb.filter((i) => i.kind === kind);
      if (la.length + lb.length === 0) continue;
      box.append(el('h3', label));
      const cols = el('div', undefined, 'compare-columns');
      for (const [x, list] of [[a, la], [b, lb]] as const) {
        const col = el('div');
        col.append(el('h4', `${x.r.office} ${x.year}年（${list.length} 条）`));
        const ol = el('ol');
        for (const item of list) {
          const li = el('li');
          const anchor = el('a', item.title);
          anchor.href = link(x, item.anchor);
          li.append(anchor);
          ol.append(li);
        }
        col.append(list.length ? ol : el('p', '无', 'muted'));
        cols.append(col);
      }
      box.append(cols);
    }
    return box;
  }
}
