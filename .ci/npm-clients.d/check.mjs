// Sends through Janela's Cloud-API-compatible endpoint with two published WhatsApp Cloud API clients, each pointed at
// Janela instead of Meta's Graph API, on `janela serve --demo`'s channel. What a client cannot send, or cannot read
// in Janela's answer, an application built on it could not either.
//
//   JANELA_URL=http://127.0.0.1:8080 JANELA_TOKEN=jnl_... node check.mjs
//
// Prints each client's steps as PASS or FAIL, then "npm-clients: N passed, N failed"; exits 1 if any failed.
// Plain JavaScript on purpose: it runs on Debian bookworm's Node 18 without a build step.
import { createRequire } from 'node:module';
import GreatDetail from '@great-detail/whatsapp';

const require = createRequire(import.meta.url);
const { WABAClient } = require('whatsapp-business');

const base = (process.env.JANELA_URL ?? '').replace(/\/$/, '');
const token = process.env.JANELA_TOKEN ?? '';
if (!base || !token) {
  console.error('check.mjs: set JANELA_URL and JANELA_TOKEN');
  process.exit(2);
}

// The demo channel and customers of `janela serve --demo` (DemoData): Ana's window is open, Bruno's closed 30 hours
// ago; order_update is an approved English template with two body parameters.
const CHANNEL = '100000000000001';
const OPEN = '5521988880001';
const CLOSED = '5521988880002';
const BSUID = 'BR.1502512345678901';

// Each adapter sends one Cloud API message body through its client, exactly as an application would call it, and
// returns what the client gave back: {ok: true, body} for a success, {ok: false, error} for what it threw. `wire`
// says what went over HTTP (method, path, status), for the report.
function greatDetail() {
  // The client's own base-URL option. ky resolves its paths against `${baseUrl}/${graphVersion}` as a URL, so the
  // version segment is dropped and it posts to the unversioned /{phone_number_id}/messages: that path is what
  // this client's users hit, so it is left as it is (no graphVersion tricks).
  const client = new GreatDetail({
    baseUrl: base,
    request: { headers: { Authorization: `Bearer ${token}` } },
  });
  return {
    name: '@great-detail/whatsapp 9.2.0',
    async send(message) {
      const wire = { method: 'POST' };
      try {
        // The client adds messaging_product and recipient_type "individual", and passes any other field through,
        // `recipient` included.
        const response = await client.message.createMessage({ phoneNumberID: CHANNEL, ...message });
        Object.assign(wire, { url: response.url, status: response.status });
        return { ok: true, body: await response.json(), wire };
      } catch (error) {
        // ky throws HTTPError for a non-2xx answer, with the parsed body in `data`.
        Object.assign(wire, { url: error.request?.url, status: error.response?.status });
        return { ok: false, error: error.data ?? error, wire, thrown: error };
      }
    },
    // What the client makes of Meta's error format: ky leaves the body as Janela wrote it.
    errorCode: (result) => result.error?.error?.code,
  };
}

function whatsappBusiness() {
  // This client has no base-URL option: it builds an axios instance for https://graph.facebook.com/v17.0 and keeps
  // it, public, as restClient.fetch. Setting that instance's baseURL is the only way to point it elsewhere; its own
  // API version stays in the path.
  const client = new WABAClient({ apiToken: token, phoneId: CHANNEL, accountId: 'unused' });
  const http = client.restClient.fetch;
  http.defaults.baseURL = `${base}/v17.0`;
  http.defaults.timeout = 30000;
  let wire;
  http.interceptors.request.use((config) => {
    wire = { method: config.method.toUpperCase(), url: `${config.baseURL}/${config.url}` };
    return config;
  });
  // The client turns an error answer into the body's `error` object and drops the HTTP status; axios's
  // validateStatus sees every status, so it records it.
  http.defaults.validateStatus = (status) => {
    wire.status = status;
    return status >= 200 && status < 300;
  };
  return {
    name: 'whatsapp-business 1.7.2',
    async send(message) {
      wire = undefined;
      try {
        // sendMessage adds messaging_product and passes the rest through. Its TypeScript type demands `to`, but
        // the object is sent as given, so a `recipient` instead of `to` goes out too.
        const body = await client.sendMessage(message);
        return { ok: true, body, wire };
      } catch (error) {
        return { ok: false, error, wire, thrown: error };
      }
    },
    // It rejects with Meta's `error` object itself (its message replaced by its own text for the code).
    errorCode: (result) => result.error?.code,
  };
}

async function api(path, body) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`Janela's ${path} answered ${response.status} to ${JSON.stringify(body)}: ${text}`);
  }
  return text;
}

// A customer's message through the sandbox opens (or renews) their window, as Meta's webhook would.
const customerWrites = (customer) => api(`/api/sandbox/${CHANNEL}/inbound`, { ...customer, text: 'Hi' });

// A step fails with the first of its expectations that does not hold.
class Unexpected extends Error {}

function expect(holds, what) {
  if (!holds) throw new Unexpected(what);
}

function equal(actual, expected, what) {
  expect(actual === expected, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function setup(what, action) {
  try {
    return await action();
  } catch (error) {
    throw new Unexpected(`setup, ${what}: ${error.message}`);
  }
}

function accepted(result) {
  expect(result.ok, `the client threw ${describe(result.thrown)}`);
  equal(result.wire?.status, 200, 'HTTP status');
  const id = result.body?.messages?.[0]?.id;
  expect(typeof id === 'string' && id.length > 0, 'the answer has no messages[0].id');
  expect(Array.isArray(result.body.contacts) && result.body.contacts.length === 1,
    'the answer has not one contacts[] entry');
  return result.body.contacts[0];
}

const steps = [
  {
    name: 'text to a customer whose window is open, accepted',
    async run(client) {
      await setup('the customer writes first', () => customerWrites({ from: `+${OPEN}` }));
      const result = await client.send({ to: OPEN, type: 'text', text: { body: 'It ships today.' } });
      const contact = accepted(result);
      equal(contact.wa_id, OPEN, 'contacts[0].wa_id');
      equal(contact.input, OPEN, 'contacts[0].input');
      return result;
    },
  },
  {
    name: 'text to a customer whose window is closed, refused with 131047',
    async run(client) {
      const result = await client.send({ to: CLOSED, type: 'text', text: { body: 'Are you there?' } });
      expect(!result.ok, `the client did not throw; it got ${JSON.stringify(result.body)}`);
      equal(result.wire?.status, 400, 'HTTP status');
      equal(client.errorCode(result), 131047, `the error's code, in ${JSON.stringify(result.error)}`);
      return result;
    },
  },
  {
    // To the same closed window, as an application does after 131047. A template does not open the window for
    // free-form messages (only the customer's reply does), so the next client's step 2 is still refused.
    name: 'approved template to that customer, accepted',
    async run(client) {
      const result = await client.send({
        to: CLOSED,
        type: 'template',
        template: {
          name: 'order_update',
          language: { code: 'en' },
          components: [{ type: 'body', parameters: [
            { type: 'text', text: 'Bruno' }, { type: 'text', text: '#1042' }] }],
        },
      });
      const contact = accepted(result);
      equal(contact.wa_id, CLOSED, 'contacts[0].wa_id');
      return result;
    },
  },
  {
    // A customer known only by a business-scoped user ID (BSUID): Meta's `recipient` instead of `to`.
    name: 'text to a BSUID recipient whose window is open, accepted',
    async run(client) {
      await setup('the BSUID customer writes first',
        () => customerWrites({ user_id: BSUID, username: '@ana.bsuid' }));
      const result = await client.send({ recipient: BSUID, type: 'text', text: { body: 'It ships today.' } });
      const contact = accepted(result);
      equal(contact.input, BSUID, 'contacts[0].input');
      equal(contact.user_id, BSUID, 'contacts[0].user_id');
      return result;
    },
  },
];

function describe(error) {
  if (error === undefined) return 'nothing';
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return JSON.stringify(error);
}

function wireOf(result) {
  const wire = result?.wire;
  if (!wire?.url) return '';
  return `${wire.method} ${new URL(wire.url).pathname} -> ${wire.status ?? 'no answer'}`;
}

let passed = 0;
const failures = [];
for (const make of [greatDetail, whatsappBusiness]) {
  const client = make();
  // Keeps the step's last exchange, to show it when the step fails.
  const send = client.send;
  client.send = async (message) => (client.last = await send(message));
  console.log(client.name);
  for (const [index, step] of steps.entries()) {
    const label = `step ${index + 1} (${step.name})`;
    client.last = undefined;
    try {
      const result = await step.run(client);
      passed++;
      const answer = result.ok ? result.body?.messages?.[0]?.id : `error ${client.errorCode(result)}`;
      console.log(`  PASS ${label}: ${wireOf(result)}, ${answer}`);
    } catch (error) {
      const what = error instanceof Unexpected ? error.message : describe(error);
      failures.push(`${client.name}, ${label}: ${what}`);
      console.log(`  FAIL ${label}: ${what}`);
      const sent = client.last;
      if (sent) console.log(`       ${wireOf(sent)}: ${JSON.stringify(sent.ok ? sent.body : sent.error)}`);
    }
  }
}

console.log();
for (const failure of failures) console.log(`FAILED: ${failure}`);
console.log(`npm-clients: ${passed} passed, ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
