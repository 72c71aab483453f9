// The page's own span of a visit, so that locally one visit is one trace: browser fetch → gateway → function →
// DynamoDB. Only when config.json names a telemetry endpoint (the AppHost's dashboard); the deployed site's
// config.json has none, and then nothing here runs. The W3C traceparent header carries the trace to the gateway,
// and the span itself goes to the endpoint as OTLP/HTTP JSON.

const SPAN_KIND_CLIENT = 3;
const STATUS_OK = 1;
const STATUS_ERROR = 2;

/** Starts a client span; returns its traceparent header and end(status), or null when there is nowhere to send it. */
export function startSpan(name, telemetry) {
  if (!telemetry || typeof telemetry.endpoint !== 'string') {
    return null;
  }
  const traceId = randomHex(16);
  const spanId = randomHex(8);
  const start = nowNanos();
  return {
    traceparent: `00-${traceId}-${spanId}-01`,
    end(httpStatus) {
      send(telemetry, {
        traceId,
        spanId,
        name,
        kind: SPAN_KIND_CLIENT,
        startTimeUnixNano: start,
        endTimeUnixNano: nowNanos(),
        attributes: [attribute('http.response.status_code', { intValue: String(httpStatus ?? 0) })],
        status: { code: httpStatus >= 200 && httpStatus < 500 ? STATUS_OK : STATUS_ERROR },
      });
    },
  };
}

function send(telemetry, span) {
  const body = {
    resourceSpans: [{
      resource: { attributes: [attribute('service.name', { stringValue: telemetry.serviceName || 'site' })] },
      scopeSpans: [{ scope: { name: 'cloudresume.site' }, spans: [span] }],
    }],
  };
  // Telemetry must never disturb the page: failures are dropped silently.
  fetch(`${telemetry.endpoint}/v1/traces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(telemetry.headers || {}) },
    body: JSON.stringify(body),
    keepalive: true,
  }).catch(() => {});
}

function attribute(key, value) {
  return { key, value };
}

function randomHex(bytes) {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (b) => b.toString(16).padStart(2, '0')).join('');
}

// OTLP wants nanoseconds since the epoch; performance.timeOrigin + now() keeps sub-millisecond order.
function nowNanos() {
  return String(BigInt(Math.round((performance.timeOrigin + performance.now()) * 1000)) * 1000n);
}
