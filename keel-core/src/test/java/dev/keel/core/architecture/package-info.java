/** Architecture rules of the engine, checked by ArchUnit on its compiled classes. */
package dev.keel.core.architecture;
