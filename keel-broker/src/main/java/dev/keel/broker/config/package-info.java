/** Which broker trades each household account: {@code broker}, {@code broker_account} and {@code broker_lot_method} in household.yaml. */
package dev.keel.broker.config;
