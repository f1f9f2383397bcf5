package io.capi4j.api.core.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A reference to an object of a provider's contract ({@code apiGroup}, {@code kind}, {@code name}) in the same
 * namespace. The version is resolved from the CRD's contract label, so a reference carries none.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableContractVersionedObjectReference.class)
@JsonDeserialize(as = ImmutableContractVersionedObjectReference.class)
public abstract class ContractVersionedObjectReference implements UnknownFields, WithContractVersionedObjectReference {
  /** The API group, e.g. {@code infrastructure.cluster.x-k8s.io}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String apiGroup() {
    return "";
  }

  /** The kind, e.g. {@code AzureMachineTemplate}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String kind() {
    return "";
  }

  /** The name of the referenced object. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String name() {
    return "";
  }

  /** Upstream's {@code IsDefined}: any of the three fields is set. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isDefined() {
    return !apiGroup().isEmpty() || !kind().isEmpty() || !name().isEmpty();
  }

  /** A reference to {@code kind} {@code name} in {@code apiGroup}. */
  public static ContractVersionedObjectReference of(String apiGroup, String kind, String name) {
    return builder().apiGroup(apiGroup).kind(kind).name(name).build();
  }

  public static ImmutableContractVersionedObjectReference.Builder builder() {
    return ImmutableContractVersionedObjectReference.builder();
  }
}
