/** Market prices, passed in: the engine values a household on a date it is given, never "now". */
package dev.keel.core.price;
