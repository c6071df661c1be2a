import {
  configEnvelopeSchema,
  configPayloadSchema,
  type ConfigEnvelope,
  type ConfigPayload,
} from "../agent/protocol/messages";

/** Where the signed envelope of a node's config `version` is kept in R2. */
export const configObjectKey = (nodeId: number, version: number) => `config-history/${nodeId}/${version}.json.gz`;

/** The prefix of every envelope kept for one node: one R2 list tells which versions are still kept. */
export const nodeHistoryPrefix = (nodeId: number) => `config-history/${nodeId}/`;

/** Gzips the envelope's JSON (configs of 100,000 users are megabytes of repetitive JSON) and stores it. */
export async function putEnvelope(bucket: R2Bucket, key: string, envelope: ConfigEnvelope): Promise<void> {
  const gzipped = await new Response(
    new Blob([JSON.stringify(envelope)]).stream().pipeThrough(new CompressionStream("gzip")),
  ).arrayBuffer();
  await bucket.put(key, gzipped, { httpMetadata: { contentType: "application/json", contentEncoding: "gzip" } });
}

/**
 * The payload kept at `key`, parsed against today's schema; null when no object is there (aged
 * out, or a panel restored without its bucket). An object that does not parse is a fault, not a
 * missing version: it throws.
 */
export async function readKeptPayload(bucket: R2Bucket, key: string): Promise<ConfigPayload | null> {
  const object = await bucket.get(key);
  if (!object) return null;
  const text = await new Response(object.body.pipeThrough(new DecompressionStream("gzip"))).text();
  const envelope = configEnvelopeSchema.parse(JSON.parse(text));
  return configPayloadSchema.parse(JSON.parse(envelope.payload));
}
