package io.capi4j.providers.azure.webhooks;

import io.capi4j.providers.azure.util.SshKeys;
import io.capi4j.providers.azure.util.Uuids;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The randomness CAPZ's defaulting webhooks use (a generated SSH key, a generated role assignment name), drawn
 * from one caller-provided generator. Access is serialised so that the webhooks stay thread-safe.
 */
public final class SharedRandom {
  private final RandomGenerator random;

  /** Draws from {@code random}. */
  public SharedRandom(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A fresh RSA-2048 public key as CAPZ stores it in {@code sshPublicKey}. */
  public synchronized String sshPublicKey() {
    return SshKeys.generateBase64AuthorizedKey(random);
  }

  /** A random UUID. */
  public synchronized String uuid() {
    return Uuids.random(random);
  }
}
