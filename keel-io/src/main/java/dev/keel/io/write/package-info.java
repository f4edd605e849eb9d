/**
 * Changing a household's own files on the user's behalf: small, exact edits that keep everything
 * else in the file as the user wrote it, written atomically.
 */
package dev.keel.io.write;
