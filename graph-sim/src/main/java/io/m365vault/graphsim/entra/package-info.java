/** Entra ID as far as an app-only backup meets it: the client-credentials token endpoint, over https. */
package io.m365vault.graphsim.entra;
