/** CAPZ's default (reference) VM images, resolved from a Kubernetes version without calling Azure. */
package io.capi4j.providers.azure.images;
