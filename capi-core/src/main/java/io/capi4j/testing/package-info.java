/**
 * Test fixtures for users of capi4j: a {@link io.capi4j.testing.VirtualClock} that also schedules events, a
 * simulated cloud ({@link io.capi4j.testing.cloud}), builders for manifests, and the rollout-trace harness.
 * Everything here is deterministic: time is virtual and randomness comes from seeds.
 */
@CapiStyle
package io.capi4j.testing;

import io.capi4j.CapiStyle;
