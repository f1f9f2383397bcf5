package io.capi4j.providers.aws.api.v1beta2;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.capi4j.api.UnknownFields;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * SSH access to an EKS node group's nodes.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableManagedRemoteAccess.class)
@JsonDeserialize(as = ImmutableManagedRemoteAccess.class)
public abstract class ManagedRemoteAccess implements UnknownFields, WithManagedRemoteAccess {
  public abstract Optional<String> sshKeyName();

  public abstract List<String> sourceSecurityGroups();

  /** Whether port 22 is open to the internet ({@code public} in YAML, a Java keyword). */
  @JsonProperty("public")
  public abstract Optional<Boolean> publicAccess();

  public static ImmutableManagedRemoteAccess.Builder builder() {
    return ImmutableManagedRemoteAccess.builder();
  }
}
