package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.capi4j.api.UnknownFields;
import java.util.List;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * {@code spec.diskSetup}: partition tables and file systems cloud-init creates (MinProperties=1).
 */
@Value.Immutable
@JsonSerialize(as = ImmutableDiskSetup.class)
@JsonDeserialize(as = ImmutableDiskSetup.class)
public abstract class DiskSetup implements UnknownFields, WithDiskSetup {
  /** Partitions to set up. */
  public abstract List<Partition> partitions();

  /** File systems to create. */
  public abstract List<Filesystem> filesystems();

  /** Upstream's {@code IsDefined}: not the zero value. */
  @JsonIgnore
  public boolean isDefined() {
    return !partitions().isEmpty() || !filesystems().isEmpty();
  }

  public static ImmutableDiskSetup.Builder builder() {
    return ImmutableDiskSetup.builder();
  }
}
