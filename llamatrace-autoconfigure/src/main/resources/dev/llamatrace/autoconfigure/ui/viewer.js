// The llamatrace trace viewer. It reads the llamatrace actuator endpoint from the browser and renders its JSON; it
// has no data of its own. Every text from the endpoint goes through textContent, never through HTML.
'use strict';

const ENDPOINT = document.documentElement.dataset.endpoint;
const POLL_MS = 2000;
// The list asks the endpoint for at most this many traces, so the page stays small however many are retained.
const MAX_TRACES = 100;
// Root span names offered by the name filter.
const MAX_NAMES = 50;
const KINDS = ['LLM', 'EMBEDDING', 'RETRIEVER', 'RERANKER', 'TOOL', 'AGENT', 'CHAIN'];

const state = {
  view: 'traces',
  traceId: null,
  trace: null,
  spanId: null,
  names: new Set(),
  listSignature: null,
  timer: null,
};

const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------------------------------------------------- DOM

/** Creates an element; attrs may hold class, dataset, text, on* handlers and plain attributes. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

// ---------------------------------------------------------------------------------------------------- formatting

/** Milliseconds since the epoch of an ISO instant, keeping the sub-millisecond digits Date.parse drops. */
function instant(text) {
  const match = /^(.*?)(?:\.(\d+))?Z$/.exec(text);
  if (!match) return Date.parse(text);
  const fraction = match[2] ? Number('0.' + match[2]) * 1000 : 0;
  return Date.parse(match[1] + 'Z') + fraction;
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) return 'open';
  const ms = seconds * 1000;
  if (ms < 1) return ms.toFixed(2) + ' ms';
  if (ms < 1000) return Math.round(ms) + ' ms';
  if (seconds < 60) return seconds.toFixed(2) + ' s';
  return Math.floor(seconds / 60) + ' min ' + Math.round(seconds % 60) + ' s';
}

function started(text) {
  const date = new Date(instant(text));
  const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return date.toDateString() === new Date().toDateString() ? time : date.toLocaleDateString() + ' ' + time;
}

const count = (n) => Number(n).toLocaleString();

// Amounts are the endpoint's exact decimal text, shown as they are: the page never does arithmetic on money.
const money = (amount, currency) => amount + ' ' + currency;

/** A cost per currency ({"USD": "0.0000036"}) as text; null when nothing was priced. */
function costs(byCurrency) {
  const entries = Object.entries(byCurrency || {});
  return entries.length ? entries.map(([currency, amount]) => money(amount, currency)).join(' + ') : null;
}

/** The cost of a counted span: its amount, or "unpriced" when its model has no price; null when pricing is off. */
function spanCost(span, pricing) {
  if (!pricing || !span.tokens) return null;
  return span.cost ? money(span.cost.amount, span.cost.currency) : 'unpriced';
}

function outcomeBadge(outcome) {
  const label = { EXITED: 'ok', DROPPED: 'error', OPEN: 'open' }[outcome] || outcome;
  return el('span', { class: 'outcome outcome-' + outcome.toLowerCase(), text: label });
}

function kindBadge(kind) {
  const known = KINDS.includes(kind) ? kind : 'CHAIN';
  return el('span', { class: 'kind kind-' + known.toLowerCase(), text: kind });
}

// --------------------------------------------------------------------------------------------------------- fetch

class EndpointError extends Error {
  constructor(status, path) {
    super('HTTP ' + status + ' for ' + path);
    this.status = status;
    this.path = path;
  }
}

async function read(path) {
  let response;
  try {
    response = await fetch(ENDPOINT + path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch (err) {
    throw new EndpointError(0, path);
  }
  if (!response.ok) throw new EndpointError(response.status, path);
  return response.json();
}

function listQuery() {
  const params = new URLSearchParams({ limit: String(MAX_TRACES) });
  const search = $('f-search').value.trim();
  if (search) params.set('search', search);
  if ($('f-name').value) params.set('name', $('f-name').value);
  if ($('f-min').value) params.set('minDuration', $('f-min').value);
  if ($('f-errors').checked) params.set('errors', 'true');
  if ($('f-slowest').checked) params.set('sort', 'slowest');
  return '/traces?' + params;
}

// ------------------------------------------------------------------------------------------------------ problems

/** Explains why there is nothing to show, instead of failing silently. Shows no data. */
async function explain(error) {
  const problem = $('problem');
  problem.replaceChildren();
  let status = error.status;
  if (status === 404 && error.path !== '') {
    // The section is missing: is it the whole endpoint, or only the span handler?
    try {
      await read('');
      problem.append(
        el('h2', { text: 'Trace trees are switched off' }),
        el('p', { text: 'The llamatrace endpoint answers, but it keeps no traces. Turn the span handler on:' }),
        el('pre', { text: 'llamatrace.handlers.spans.enabled=true' }));
      return show(problem);
    } catch (rootError) {
      status = rootError.status;
    }
  }
  if (status === 404) {
    problem.append(
      el('h2', { text: 'The llamatrace endpoint is not exposed' }),
      el('p', {}, 'This page reads ', el('code', { text: ENDPOINT }),
        ', which this application does not serve. Actuator endpoints other than health are not exposed over HTTP ' +
        'by default. Expose it (with spring-boot-starter-actuator on the class path):'),
      el('pre', { text: 'management.endpoints.web.exposure.include=health,llamatrace' }),
      el('p', { text: 'If the actuator runs on its own management port, this page cannot read it from this port.' }));
  } else if (status === 401 || status === 403) {
    problem.append(
      el('h2', { text: 'Access to the llamatrace endpoint was refused (HTTP ' + status + ')' }),
      el('p', {}, 'This page reads ', el('code', { text: ENDPOINT }),
        ' with your browser\'s own credentials and follows the same access rules. Sign in, or grant your user ' +
        'access to that path.'));
  } else if (status === 0) {
    problem.append(
      el('h2', { text: 'The application cannot be reached' }),
      el('p', { text: 'It may have stopped. The page retries while Live is on.' }));
  } else {
    problem.append(el('h2', { text: 'The llamatrace endpoint answered HTTP ' + status }));
  }
  show(problem);
}

function show(problem) {
  problem.hidden = false;
  $('traces-view').hidden = true;
  $('summary-view').hidden = true;
}

function clearProblem() {
  $('problem').hidden = true;
  $('traces-view').hidden = state.view !== 'traces';
  $('summary-view').hidden = state.view !== 'summary';
}

// ---------------------------------------------------------------------------------------------------- trace list

function renderList(traces) {
  // Polling mostly returns what is shown: keep the rows (and the keyboard focus in them) unless something changed.
  const signature = JSON.stringify([state.traceId, traces]);
  if (signature === state.listSignature) return;
  state.listSignature = signature;
  const focused = document.activeElement && document.activeElement.closest('#trace-rows tr');
  const focusedId = focused ? focused.dataset.traceId : null;
  if (!$('f-name').value) {
    for (const trace of traces) {
      if (state.names.size < MAX_NAMES) state.names.add(trace.rootSpanName);
    }
    renderNames();
  }
  const rows = traces.map((trace) => el('tr', {
    class: 'trace-row' + (trace.id === state.traceId ? ' selected' : '') + (trace.errorCount > 0 ? ' failed' : ''),
    dataset: { traceId: trace.id },
    onclick: () => { location.hash = traceHash(trace.id); },
  },
  el('td', {}, el('a', { href: traceHash(trace.id), text: trace.rootSpanName, onkeydown: moveBetweenRows })),
  el('td', { text: started(trace.startTime), title: trace.startTime }),
  el('td', { class: 'num', text: duration(trace.durationSeconds) }),
  el('td', {}, outcomeBadge(trace.outcome),
    trace.errorCount > 0 && trace.outcome !== 'DROPPED' ? el('span', { class: 'note', text: trace.errorCount + ' failed' }) : null),
  el('td', { class: 'num', text: count(trace.spanCount) }),
  el('td', { class: 'num tokens', text: trace.tokens > 0 ? count(trace.tokens) : '–' }),
  el('td', { class: 'num cost', text: costs(trace.cost) || '–' })));
  $('trace-rows').replaceChildren(...rows);
  $('list-empty').hidden = traces.length > 0;
  const refocus = rows.find((row) => row.dataset.traceId === focusedId);
  if (refocus) refocus.querySelector('a').focus();
}

function renderNames() {
  const select = $('f-name');
  const selected = select.value;
  const options = [...state.names].sort().map((name) => el('option', { value: name, text: name }));
  select.replaceChildren(el('option', { value: '', text: 'All root spans' }), ...options);
  select.value = selected;
}

const traceHash = (id) => '#/trace/' + encodeURIComponent(id);

/** Up and down arrows move between rows of a list or a waterfall, Home and End to its ends. */
function moveBetweenRows(event) {
  const keys = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity };
  if (!(event.key in keys)) return;
  const container = event.currentTarget.closest('[data-rows]') || event.currentTarget.closest('tbody');
  const items = [...container.querySelectorAll(container.tagName === 'TBODY' ? 'a' : '.span-row')];
  const index = items.indexOf(event.currentTarget);
  const step = keys[event.key];
  const next = Math.abs(step) === Infinity ? (step < 0 ? 0 : items.length - 1) : index + step;
  if (next >= 0 && next < items.length) {
    items[next].focus();
    event.preventDefault();
  }
}

// ---------------------------------------------------------------------------------------------------- trace view

/** The spans of a tree depth first, with their depth. */
function flatten(node, depth = 0, out = []) {
  out.push({ span: node, depth });
  for (const child of node.children) flatten(child, depth + 1, out);
  return out;
}

function renderTrace(trace) {
  const pane = $('trace-pane');
  const rows = flatten(trace.root);
  const origin = instant(trace.root.startTime);
  const now = Date.now();
  const end = Math.max(...rows.map(({ span }) => (span.endTime ? instant(span.endTime) : now)));
  const total = Math.max(end - origin, 0.001);
  // Embedding spans carry their token counts too; the trace's tokens add up every counted span, the LLM calls are
  // the LLM spans, and the first of those is selected.
  const counted = rows.filter(({ span }) => span.tokens);
  const llm = counted.filter(({ span }) => span.kind === 'LLM');
  const tokens = counted.reduce((sum, { span }) => sum + span.tokens.total, 0);
  const prompt = counted.reduce((sum, { span }) => sum + span.tokens.prompt, 0);
  const completion = counted.reduce((sum, { span }) => sum + span.tokens.completion, 0);
  if (!rows.some(({ span }) => span.id === state.spanId)) {
    state.spanId = (llm[0] || rows[0]).span.id;
  }
  // The trace's cost is the endpoint's sum; the page only counts the calls it could not price.
  const pricing = trace.cost !== null && trace.cost !== undefined;
  const unpriced = counted.filter(({ span }) => !span.cost).length;
  const traceCost = pricing && counted.length
    ? [costs(trace.cost), unpriced ? unpriced + ' unpriced' : null].filter(Boolean).join(', ')
    : null;

  const head = el('header', { class: 'trace-head' },
    el('h2', {}, trace.root.name, ' ', outcomeBadge(trace.root.outcome)),
    el('p', { class: 'meta' },
      el('span', { text: started(trace.root.startTime) }),
      el('span', { text: duration(trace.root.durationSeconds) }),
      el('span', { text: count(rows.length) + ' spans' }),
      el('span', { class: 'trace-tokens', text: count(tokens) + ' tokens' + (counted.length ? ' (' + count(prompt) + ' prompt, ' + count(completion) + ' completion, ' + llm.length + ' LLM call' + (llm.length !== 1 ? 's' : '') + ')' : '') }),
      traceCost ? el('span', { class: 'trace-cost', text: 'cost ' + traceCost }) : null,
      el('code', { text: trace.id })),
    trace.missingParentId ? el('p', { class: 'note', text: 'Its parent span ' + trace.missingParentId + ' is no longer retained.' }) : null);

  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => el('span', { class: 'tick', text: f ? duration((total * f) / 1000) : '0' }));
  for (const [i, tick] of ticks.entries()) tick.style.left = (i * 25) + '%';
  const axis = el('div', { class: 'axis', 'aria-hidden': 'true' }, el('span'), el('span', { class: 'ticks' }, ticks));

  const waterfall = el('div', { class: 'waterfall', 'data-rows': true, role: 'list', 'aria-label': 'Spans' },
    rows.map(({ span, depth }) => spanRow(span, depth, origin, total, now, pricing)));

  // An open trace is reloaded while it runs: keep the keyboard focus on the same span.
  const focused = document.activeElement && document.activeElement.closest('.span-row');
  const focusedId = focused ? focused.dataset.spanId : null;
  pane.replaceChildren(head, el('section', { class: 'waterfall-box' }, axis, waterfall),
    el('section', { id: 'span-detail', class: 'span-detail', 'aria-live': 'polite' }));
  const refocus = [...waterfall.children].find((row) => row.dataset.spanId === focusedId);
  if (refocus) refocus.focus();
  renderSpan(trace);
}

function spanRow(span, depth, origin, total, now, pricing) {
  const start = instant(span.startTime) - origin;
  const length = (span.endTime ? instant(span.endTime) : now) - instant(span.startTime);
  const bar = el('span', { class: 'bar kind-' + span.kind.toLowerCase() + (span.outcome === 'OPEN' ? ' open' : '') });
  bar.style.left = (start / total) * 100 + '%';
  bar.style.width = Math.max((length / total) * 100, 0.4) + '%';
  const label = el('span', { class: 'label' },
    kindBadge(span.kind),
    el('span', { class: 'name', text: span.name }),
    span.tokens ? el('span', { class: 'span-tokens', text: count(span.tokens.total) + ' tok' }) : null,
    spanCost(span, pricing) ? el('span', { class: 'span-cost' + (span.cost ? '' : ' unpriced'), text: spanCost(span, pricing) }) : null);
  label.style.paddingLeft = (depth * 14) + 'px';
  const row = el('button', {
    type: 'button',
    role: 'listitem',
    class: 'span-row' + (span.outcome === 'DROPPED' ? ' failed' : '') + (span.id === state.spanId ? ' selected' : ''),
    'aria-pressed': span.id === state.spanId ? 'true' : 'false',
    dataset: { spanId: span.id, kind: span.kind },
    onclick: () => selectSpan(span.id),
    onkeydown: moveBetweenRows,
  },
  label,
  el('span', { class: 'track' }, bar, el('span', { class: 'dur', text: duration(span.durationSeconds) })));
  if (span.error) {
    row.append(el('span', { class: 'error-msg', text: span.error }));
  }
  return row;
}

function selectSpan(id) {
  state.spanId = id;
  for (const row of document.querySelectorAll('.span-row')) {
    const selected = row.dataset.spanId === id;
    row.classList.toggle('selected', selected);
    row.setAttribute('aria-pressed', String(selected));
  }
  renderSpan(state.trace);
}

function findSpan(node, id) {
  if (node.id === id) return node;
  for (const child of node.children) {
    const found = findSpan(child, id);
    if (found) return found;
  }
  return null;
}

function renderSpan(trace) {
  const span = findSpan(trace.root, state.spanId);
  const box = $('span-detail');
  if (!span) return box.replaceChildren();
  const origin = instant(span.startTime);
  const facts = [
    ['Kind', span.kind],
    ['Outcome', span.outcome],
    ['Duration', duration(span.durationSeconds)],
    ['Started', '+' + duration((origin - instant(trace.root.startTime)) / 1000) + ' into the trace'],
    ['Model', span.model ? span.model + (span.provider ? ' (' + span.provider + ')' : '') : null],
    ['Span id', span.id],
    ['Parent', span.parentId],
  ].filter(([, value]) => value);
  const parts = [
    el('h3', {}, kindBadge(span.kind), ' ', span.name),
    el('dl', { class: 'facts' }, facts.map(([key, value]) => [el('dt', { text: key }), el('dd', { text: value })])),
  ];
  if (span.error) parts.push(el('pre', { class: 'error-box', text: span.error }));
  if (span.tokens) parts.push(usage(span.tokens, spanCost(span, trace.cost !== null && trace.cost !== undefined), span.cost));
  const tags = Object.entries(span.tags);
  if (tags.length) {
    parts.push(el('h4', { text: 'Tags' }), el('table', { class: 'kv' },
      tags.map(([key, value]) => el('tr', {}, el('th', { text: key }), el('td', { text: JSON.stringify(value) })))));
  }
  parts.push(...content(span, trace.contentCaptured));
  parts.push(el('h4', { text: 'Events' }), el('table', { class: 'events' },
    el('thead', {}, el('tr', {}, ['+time', 'Event', 'Phase', 'Type'].map((h) => el('th', { text: h })))),
    el('tbody', {}, span.events.map((event) => el('tr', {},
      el('td', { class: 'num', text: duration((instant(event.timestamp) - origin) / 1000) }),
      el('td', { text: event.type }), el('td', { text: event.phase }), el('td', { text: event.eventType || '' }))))));
  if (span.droppedEvents > 0) {
    parts.push(el('p', { class: 'note', text: span.droppedEvents + ' later events were not kept (per-span cap).' }));
  }
  box.replaceChildren(...parts);
}

function usage(tokens, costText, cost) {
  const source = (s) => ({ PROVIDER: 'reported by the provider', TOKENIZER: 'counted by the tokenizer', NONE: 'nothing to count' }[s] || s);
  const costSource = (s) => ({ provider: 'reported by the provider', local: 'from the price table' }[s] || s);
  return el('div', { class: 'usage' },
    el('h4', { text: 'Token usage' }),
    el('table', { class: 'kv' },
      el('tr', {}, el('th', { text: 'Prompt' }), el('td', { class: 'num', text: count(tokens.prompt) }), el('td', { class: 'note', text: source(tokens.promptSource) })),
      el('tr', {}, el('th', { text: 'Completion' }), el('td', { class: 'num', text: count(tokens.completion) }), el('td', { class: 'note', text: source(tokens.completionSource) })),
      el('tr', {}, el('th', { text: 'Total' }), el('td', { class: 'num', text: count(tokens.total) }), el('td', { class: 'note', text: tokens.model })),
      costText ? el('tr', { class: 'cost-row' }, el('th', { text: 'Cost' }), el('td', { class: 'num', text: costText }),
        el('td', { class: 'note', text: cost ? costSource(cost.source) : 'no price for ' + tokens.model })) : null));
}

/** Captured content: messages as chat bubbles, documents with scores, other inputs and outputs as text. */
function content(span, captured) {
  if (!captured) {
    return [el('p', { class: 'note' }, 'Content is not captured, so prompts, answers and documents are not shown. ',
      'Set ', el('code', { text: 'llamatrace.capture-content=true' }), ' to see them.')];
  }
  const parts = [];
  const messages = span.events.flatMap((event) => event.messages || []);
  if (messages.length) {
    parts.push(el('h4', { text: 'Conversation' }), el('div', { class: 'chat' }, messages.map((message) =>
      el('div', { class: 'bubble role-' + message.role },
        el('span', { class: 'role', text: message.role }),
        el('div', { class: 'text', text: message.content ?? '' })))));
  }
  const documents = span.events.flatMap((event) => event.documents || []);
  if (documents.length) {
    const best = Math.max(...documents.map((doc) => doc.score ?? 0), 1e-9);
    parts.push(el('h4', { text: 'Documents' }), el('ol', { class: 'documents' }, documents.map((doc) => {
      const fill = el('span', { class: 'bar-fill' });
      fill.style.width = ((doc.score ?? 0) / best) * 100 + '%';
      return el('li', {},
        el('div', { class: 'doc-head' }, el('code', { text: doc.id }),
          el('span', { class: 'bar-track' }, fill),
          el('span', { class: 'score', text: doc.score === null ? 'no score' : doc.score.toFixed(3) })),
        el('div', { class: 'text', text: doc.text ?? '' }));
    })));
  }
  for (const event of span.events) {
    if (event.messages || event.documents) continue;
    if (event.input) parts.push(el('h4', { text: 'Input · ' + event.type }), el('pre', { class: 'content', text: event.input }));
    if (event.output) parts.push(el('h4', { text: 'Output · ' + event.type }), el('pre', { class: 'content', text: event.output }));
  }
  return parts;
}

// ------------------------------------------------------------------------------------------------------- summary

function renderSummary(summary) {
  const view = $('summary-view');
  const parts = [];
  const tokens = summary.tokens;
  const cards = [];
  if (tokens) {
    cards.push(['LLM calls', tokens.llmCalls], ['Prompt tokens', tokens.prompt], ['Completion tokens', tokens.completion],
      ['LLM tokens', tokens.total], ['Embedding tokens', tokens.embedding]);
  }
  if (summary.spans) {
    cards.push(['Spans completed', summary.spans.completed], ['Spans dropped', summary.spans.dropped],
      ['Spans open', summary.spans.open], ['Spans evicted', summary.spans.evicted]);
  }
  cards.push(['Handler errors', summary.handlerErrors]);
  parts.push(el('div', { class: 'cards' }, cards.map(([label, value]) =>
    el('div', { class: 'card' }, el('span', { class: 'value', text: count(value) }), el('span', { class: 'label', text: label })))));
  if (tokens) {
    const models = Object.entries(tokens.models);
    parts.push(chart('Tokens per model', models.map(([name, m]) => [name, m.total + m.embedding,
      m.total ? count(m.prompt) + ' prompt + ' + count(m.completion) + ' completion' : count(m.embedding) + ' embedding'])));
    parts.push(chart('LLM calls per model', models.filter(([, m]) => m.llmCalls > 0).map(([name, m]) => [name, m.llmCalls, count(m.llmCalls)])));
  } else {
    parts.push(el('p', { class: 'note', text: 'Token counting is switched off (llamatrace.handlers.token-counting.enabled).' }));
  }
  if (summary.events) {
    const events = Object.entries(summary.events);
    parts.push(chart('Events per type', events.map(([type, s]) => [type, s.count, count(s.count)])));
    parts.push(chart('Average time per event type', events.map(([type, s]) => [type, s.averageSeconds, duration(s.averageSeconds)])));
  } else {
    parts.push(el('p', { class: 'note', text: 'The debug handler is switched off (llamatrace.handlers.debug.enabled), so there are no event timings.' }));
  }
  view.replaceChildren(...parts);
}

/** A small horizontal bar chart: one row per [label, value, text], bars relative to the largest value. */
function chart(title, rows) {
  const max = Math.max(...rows.map(([, value]) => value), 1e-9);
  return el('figure', { class: 'chart' }, el('figcaption', { text: title }),
    rows.length === 0 ? el('p', { class: 'note', text: 'Nothing yet.' }) : null,
    rows.map(([label, value, text]) => {
      const fill = el('span', { class: 'bar-fill' });
      fill.style.width = (value / max) * 100 + '%';
      return el('div', { class: 'bar-row' }, el('span', { class: 'bar-label', text: label }),
        el('span', { class: 'bar-track' }, fill), el('span', { class: 'bar-value', text: text }));
    }));
}

// ------------------------------------------------------------------------------------------------------- refresh

async function refresh() {
  clearTimeout(state.timer);
  try {
    if (state.view === 'summary') {
      renderSummary(await read(''));
    } else {
      renderList(await read(listQuery()));
      if (state.traceId && (!state.trace || state.trace.id !== state.traceId || state.trace.root.outcome === 'OPEN')) {
        await loadTrace(state.traceId);
      }
    }
    clearProblem();
    $('status').textContent = 'Updated ' + new Date().toLocaleTimeString();
  } catch (error) {
    if (!(error instanceof EndpointError)) throw error;
    if (error.status === 404 && error.path.startsWith('/traces/')) {
      traceGone();
    } else {
      await explain(error);
    }
  } finally {
    schedule();
  }
}

async function loadTrace(id) {
  const trace = await read('/traces/' + encodeURIComponent(id));
  if (state.traceId !== id) return;
  state.trace = trace;
  renderTrace(trace);
}

function traceGone() {
  state.trace = null;
  $('trace-pane').replaceChildren(el('p', { class: 'empty', text: 'This trace is no longer retained (evicted or reset).' }));
}

function schedule() {
  clearTimeout(state.timer);
  if ($('live').checked && !document.hidden) state.timer = setTimeout(refresh, POLL_MS);
}

function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  state.view = hash === 'summary' ? 'summary' : 'traces';
  const match = /^trace\/(.+)$/.exec(hash);
  const id = match ? decodeURIComponent(match[1]) : null;
  if (id !== state.traceId) {
    state.traceId = id;
    state.trace = null;
    state.spanId = null;
    if (!id) $('trace-pane').replaceChildren(el('p', { class: 'empty', text: 'Select a trace to see its spans.' }));
  }
  $('nav-traces').setAttribute('aria-current', state.view === 'traces' ? 'page' : 'false');
  $('nav-summary').setAttribute('aria-current', state.view === 'summary' ? 'page' : 'false');
  if ($('problem').hidden) clearProblem();
  refresh();
}

// --------------------------------------------------------------------------------------------------------- theme

function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  $('theme').textContent = theme === 'dark' ? 'Light' : 'Dark';
}

function initTheme() {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const stored = localStorage.getItem('llamatrace-theme');
  applyTheme(stored || (media.matches ? 'dark' : 'light'));
  media.addEventListener('change', (event) => {
    if (!localStorage.getItem('llamatrace-theme')) applyTheme(event.matches ? 'dark' : 'light');
  });
  $('theme').addEventListener('click', () => {
    const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem('llamatrace-theme', next);
    applyTheme(next);
  });
}

// ---------------------------------------------------------------------------------------------------------- start

function start() {
  initTheme();
  let typing;
  $('f-search').addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(refresh, 250); });
  for (const id of ['f-name', 'f-min', 'f-errors', 'f-slowest']) $(id).addEventListener('change', refresh);
  $('filters').addEventListener('submit', (event) => { event.preventDefault(); refresh(); });
  $('live').addEventListener('change', schedule);
  document.addEventListener('visibilitychange', () => (document.hidden ? schedule() : refresh()));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.traceId && !event.target.matches('input, select')) location.hash = '#/';
  });
  window.addEventListener('hashchange', route);
  route();
}

start();
