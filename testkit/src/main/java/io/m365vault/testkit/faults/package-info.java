/**
 * Storage faults on demand, for the counted fault-injection suite: a proxy in front of the
 * (strict) Azurite that answers chosen calls with 500 or 503, answers them late, drops their
 * connection before or after storage did them, or stops every call from one point on, as a
 * killed worker stops.
 */
package io.m365vault.testkit.faults;
