/** Test fixtures for the Docker provider: a simulated docker host ({@link io.capi4j.providers.docker.testing.DockerCloud}). */
package io.capi4j.providers.docker.testing;
