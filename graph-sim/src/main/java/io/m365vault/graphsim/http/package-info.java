/**
 * The HTTP layer: requests, responses, routing by path pattern, paging, $select and Prefer headers, Graph's error shape.
 */
package io.m365vault.graphsim.http;
