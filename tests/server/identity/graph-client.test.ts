// The Graph client's own limits, with a fetch that answers as a stalled Exchange would: the answer's
// headers arrive and its body stops midway. (The remediation tests drive the client against the
// fake Graph over HTTP.)
import { AppGraphClient, GraphError } from '../../../src/server/identity/graph-client';

const CONFIG = { tenantId: 'tenant', clientId: 'client', clientSecret: 'secret', authority: 'https://login.example.test', baseUrl: 'https://graph.example.test' };

/** A body that sends its first bytes and then nothing more, without ever ending. */
function stalledBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"id":"AAMk'));
    },
  });
}

function stalledGraph(fetchStalls: (url: string) => boolean) {
  return new AppGraphClient(CONFIG, {
    requestTimeoutMs: 200,
    fetch: async (url) => {
      if (fetchStalls(url)) return new Response(stalledBody(), { status: 201, headers: { 'content-type': 'application/json' } });
      if (url.includes('/oauth2/')) return Response.json({ access_token: 'token', expires_in: 3600 });
      return Response.json({ id: 'AAMk-moved' }, { status: 201 });
    },
  });
}

it('gives up on an answer whose body stalls after its headers, within the time one request may take', async () => {
  const graph = stalledGraph((url) => url.endsWith('/move'));
  const started = Date.now();
  const error = await graph.call('POST', '/v1.0/users/aiko%40example.test/messages/AAMk1/move', { destinationId: 'junkemail' }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(GraphError);
  expect(error).toMatchObject({ code: 'timeout' });
  expect(Date.now() - started).toBeLessThan(5_000);
  // The client still works for the next call.
  expect((await graph.call('GET', '/v1.0/users/aiko%40example.test')).body).toEqual({ id: 'AAMk-moved' });
});

it('gives up on a token answer whose body stalls', async () => {
  const graph = stalledGraph((url) => url.includes('/oauth2/'));
  await expect(graph.call('GET', '/v1.0/users')).rejects.toMatchObject({ code: 'timeout' });
});
