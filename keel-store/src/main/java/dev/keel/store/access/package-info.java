/** Users, their roles and households, and API tokens (stored only as SHA-256 hashes). */
package dev.keel.store.access;
