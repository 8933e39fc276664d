/**
 * The Azure Functions entry points: thin adapters that parse a trigger, call one vault-core service and map its result.
 */
package io.m365vault.functions;
