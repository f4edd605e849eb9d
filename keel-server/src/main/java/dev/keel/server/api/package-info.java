/**
 * The HTTP API: routes grouped per resource, Bearer-token authentication, access checks (another
 * household's data is 404), errors as application/problem+json (RFC 9457), the OpenAPI document.
 */
package dev.keel.server.api;
