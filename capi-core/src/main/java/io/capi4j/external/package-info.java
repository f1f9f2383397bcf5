/**
 * Provider objects seen through Cluster API's contracts: cloning objects from templates ({@code GenerateTemplate})
 * and reading contract fields of objects capi4j does not model. Mirrors upstream {@code controllers/external} and
 * {@code internal/contract}.
 */
@CapiStyle
package io.capi4j.external;

import io.capi4j.CapiStyle;
