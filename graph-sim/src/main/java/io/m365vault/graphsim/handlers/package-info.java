/**
 * One HTTP handler per Graph resource family, registering its routes in the URL forms the SDK sends.
 */
package io.m365vault.graphsim.handlers;
