package io.capi4j.providers.azure.api.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.api.UnknownFields;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** The operating system disk of a VM ({@code OSDisk}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOSDisk.class)
@JsonDeserialize(as = ImmutableOSDisk.class)
public abstract class OSDisk implements UnknownFields, WithOSDisk {
  /** {@code Linux} (CRD default) or {@code Windows}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String osType() {
    return "";
  }

  /** Size in GB, 1..2048. */
  public abstract Optional<Integer> diskSizeGB();

  public abstract Optional<ManagedDiskParameters> managedDisk();

  public abstract Optional<DiffDiskSettings> diffDiskSettings();

  /** {@code None} (CRD default), {@code ReadOnly} or {@code ReadWrite}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String cachingType() {
    return "";
  }

  public static ImmutableOSDisk.Builder builder() {
    return ImmutableOSDisk.builder();
  }
}
