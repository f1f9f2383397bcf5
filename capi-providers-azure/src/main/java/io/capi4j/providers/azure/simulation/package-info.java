/** Azure's contribution to capi4j simulations: latency profiles, provider IDs and example flows. */
package io.capi4j.providers.azure.simulation;
