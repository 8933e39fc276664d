/**
 * Microsoft Graph as the backup reads it (DESIGN §2, "Graph delta page", "fetch content"): clients, the throttle governor, the one pager and the errors a backup answers differently (404, 410).
 */
package io.m365vault.graph;
