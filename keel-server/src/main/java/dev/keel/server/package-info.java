/**
 * The Keel server: the JSON API under /api (Javalin), the daily scan scheduler and the process's
 * life cycle (start, graceful stop). Handlers translate HTTP to one store or service call and back.
 */
package dev.keel.server;
