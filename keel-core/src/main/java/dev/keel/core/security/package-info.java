/**
 * Securities as reference data: symbol, asset class, the identical group that decides what is
 * "substantially identical" for the wash-sale rule, and substitutes for harvesting.
 */
package dev.keel.core.security;
