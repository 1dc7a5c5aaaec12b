package org.opd.orchestrator.idempotency;

/**
 * The first answer given to an idempotency key, as it is replayed to retries.
 *
 * @param contentType null when the answer had no body
 * @param location    the {@code Location} header of a 201, else null
 * @param etag        the {@code ETag} header (a token's version), else null
 */
record StoredResponse(int status, String contentType, String location, String etag, String body) {
}
