// Visit counter for the resume page.
// Counts this visit once per browser session (POST), otherwise only reads the counts (GET),
// then shows "N views · M visitors" and a sparkline of the last 30 days of views.
// Failures of any kind end in a quiet "Visitor count unavailable": a resume must never show
// an error dialog or log errors because a counter is down.

import { startSpan } from './trace.js';

const DAYS = 30;
const TIMEOUT_MS = 5000;
// Only an answer with Retry-After says the visit was certainly not counted; one retry, if it fits the deadline.
const MAX_RETRY_AFTER_MS = 2000;
const SESSION_FLAG = 'cloudresume.visit-counted';
const SVG_NS = 'http://www.w3.org/2000/svg';
const UNAVAILABLE_TEXT = 'Visitor count unavailable';

const numbers = new Intl.NumberFormat('en-US');

const widget = document.getElementById('visits');
const countText = document.getElementById('visit-count');
const sparkline = document.getElementById('visit-sparkline');

if (widget && countText && sparkline) {
  // Deliberately swallow everything: showVisits handles its own failures, this is the last net.
  showVisits().catch(showUnavailable);
}

async function showVisits() {
  // One deadline for the whole exchange (config + API), so a hung request cannot leave
  // the widget spinning forever.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const config = await loadConfig(controller.signal);
    if (!config) {
      showUnavailable();
      return;
    }
    const counts = await fetchCounts(config, controller.signal);
    if (!counts) {
      showUnavailable();
      return;
    }
    showCounts(counts);
  } catch {
    showUnavailable();
  } finally {
    clearTimeout(timer);
  }
}

/** Reads config.json beside the page: the API's /visits URL, and (locally only) a telemetry endpoint; null when invalid. */
async function loadConfig(signal) {
  const response = await fetch(new URL('config.json', document.baseURI), { cache: 'no-store', signal });
  if (!response.ok) {
    return null;
  }
  const config = await response.json();
  if (!config || typeof config.apiUrl !== 'string') {
    return null;
  }
  let url;
  try {
    url = new URL(config.apiUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return null;
  }
  // Keep any base path (an API Gateway stage, say) and append the resource to it.
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/visits`;
  url.search = `?days=${DAYS}`;
  url.hash = '';
  return { url, telemetry: config.telemetry };
}

/**
 * POSTs the first time in this browser session, GETs afterwards; both ask for the daily series.
 * The POST has no body and no headers, so it is a CORS "simple" request (no preflight needed) — except
 * locally with telemetry, where the traceparent header joins the page's span to the API's trace.
 */
async function fetchCounts({ url, telemetry }, signal) {
  const alreadyCounted = readSessionFlag();
  const method = alreadyCounted ? 'GET' : 'POST';
  let response = await send(url, method, telemetry, signal);
  const retryAfterMs = retryDelay(response);
  if (retryAfterMs !== null) {
    // The API says the visit was not counted: trying again cannot count it twice. Without
    // Retry-After it may have been counted, and the page does not send it again.
    await new Promise((resolve) => setTimeout(resolve, retryAfterMs));
    response = await send(url, method, telemetry, signal);
  }
  if (!response.ok) {
    return null;
  }
  const counts = parseCounts(await response.json());
  // Only a counted visit sets the flag, so a failed POST is retried on the next page load.
  if (counts && !alreadyCounted) {
    writeSessionFlag();
  }
  return counts;
}

async function send(url, method, telemetry, signal) {
  const span = startSpan(`${method} /visits`, telemetry);
  let response;
  try {
    response = await fetch(url, {
      method,
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
      headers: span ? { traceparent: span.traceparent } : {},
      signal,
    });
  } finally {
    span?.end(response?.status);
  }
  return response;
}

/** The wait a 503 asks for, in ms, when it asks for one the page can afford; null otherwise. */
function retryDelay(response) {
  if (response.status !== 503) {
    return null;
  }
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds >= 0 && seconds * 1000 <= MAX_RETRY_AFTER_MS ? seconds * 1000 : null;
}

/** Validates the API's answer; null when it is not {"views":N,"visitors":M,...}. */
function parseCounts(body) {
  if (!body || !isCount(body.views) || !isCount(body.visitors)) {
    return null;
  }
  const daily = Array.isArray(body.daily)
    ? body.daily.filter((day) => day && typeof day.date === 'string' && isCount(day.views)).slice(-DAYS)
    : [];
  return { views: body.views, visitors: body.visitors, daily };
}

function isCount(value) {
  return Number.isSafeInteger(value) && value >= 0;
}

function showCounts({ views, visitors, daily }) {
  countText.textContent = `${counted(views, 'view')} · ${counted(visitors, 'visitor')}`;
  drawSparkline(daily);
  widget.dataset.state = 'ready';
}

/** "1 view", "12,843 views". */
function counted(value, noun) {
  return `${numbers.format(value)} ${noun}${value === 1 ? '' : 's'}`;
}

function showUnavailable() {
  countText.textContent = UNAVAILABLE_TEXT;
  sparkline.replaceChildren();
  sparkline.setAttribute('aria-hidden', 'true');
  sparkline.removeAttribute('aria-label');
  sparkline.removeAttribute('role');
  widget.dataset.state = 'unavailable';
}

/** Draws the daily views as an area + line, built with DOM APIs (the data never becomes markup). */
function drawSparkline(daily) {
  const box = sparkline.viewBox.baseVal;
  const width = box && box.width ? box.width : 240;
  const height = box && box.height ? box.height : 48;
  const pad = 3;

  sparkline.replaceChildren();
  if (daily.length === 0) {
    sparkline.setAttribute('aria-label', 'No daily views to chart yet');
    return;
  }

  const values = daily.map((day) => day.views);
  const max = Math.max(...values);
  const min = Math.min(...values);
  const last = values[values.length - 1];
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const x = (i) => (values.length > 1 ? pad + i * step : width / 2);
  const y = (v) => (max > 0 ? height - pad - (v / max) * (height - 2 * pad) : height - pad);
  const points = values.map((v, i) => `${round(x(i))},${round(y(v))}`);

  const label =
    `Daily views over the last ${values.length} days: lowest ${numbers.format(min)}, ` +
    `highest ${numbers.format(max)}, latest ${numbers.format(last)}`;
  sparkline.setAttribute('role', 'img');
  sparkline.setAttribute('aria-label', label);
  sparkline.removeAttribute('aria-hidden');

  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = label;

  const area = document.createElementNS(SVG_NS, 'path');
  area.setAttribute('class', 'spark__area');
  area.setAttribute('d', `M${round(x(0))},${height - pad} L${points.join(' L')} L${round(x(values.length - 1))},${height - pad} Z`);

  const line = document.createElementNS(SVG_NS, 'polyline');
  line.setAttribute('class', 'spark__line');
  line.setAttribute('points', points.join(' '));

  const dot = document.createElementNS(SVG_NS, 'circle');
  dot.setAttribute('class', 'spark__dot');
  dot.setAttribute('cx', String(round(x(values.length - 1))));
  dot.setAttribute('cy', String(round(y(last))));
  dot.setAttribute('r', '3');

  sparkline.append(title, area, line, dot);
}

function round(value) {
  return Math.round(value * 10) / 10;
}

// sessionStorage can be unavailable (disabled storage, some privacy modes): treat that as
// "not counted yet" and carry on; such a browser is counted on every page load.
function readSessionFlag() {
  try {
    return window.sessionStorage.getItem(SESSION_FLAG) === '1';
  } catch {
    return false;
  }
}

function writeSessionFlag() {
  try {
    window.sessionStorage.setItem(SESSION_FLAG, '1');
  } catch {
    // Nothing to do: see readSessionFlag.
  }
}
