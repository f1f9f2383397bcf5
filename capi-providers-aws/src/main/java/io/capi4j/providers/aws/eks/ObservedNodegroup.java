package io.capi4j.providers.aws.eks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.capi4j.providers.aws.api.v1beta2.Taint;
import io.capi4j.providers.aws.api.v1beta2.UpdateConfig;
import io.capi4j.providers.aws.asg.AsgInstance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** An EKS managed node group as observed ({@code DescribeNodegroup}), in CAPA's terms; taints use CAPA's effect names. */
@Value.Immutable
public abstract class ObservedNodegroup implements WithObservedNodegroup {
  public static final String CREATING = "CREATING";
  public static final String ACTIVE = "ACTIVE";
  public static final String UPDATING = "UPDATING";
  public static final String DELETING = "DELETING";
  public static final String CREATE_FAILED = "CREATE_FAILED";
  public static final String DELETE_FAILED = "DELETE_FAILED";
  public static final String DEGRADED = "DEGRADED";

  public abstract String name();

  public abstract String status();

  /** The Kubernetes version, {@code major.minor} (e.g. {@code 1.29}). */
  public abstract String version();

  /** The AMI release version. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String releaseVersion() {
    return "";
  }

  /** The launch template version the node group uses, when it uses one. */
  public abstract Optional<String> launchTemplateVersion();

  public abstract Optional<Integer> desiredSize();

  public abstract Optional<Integer> minSize();

  public abstract Optional<Integer> maxSize();

  /** The update configuration, converted back to CAPA's type. */
  public abstract Optional<UpdateConfig> updateConfig();

  public abstract Map<String, String> labels();

  public abstract List<Taint> taints();

  public abstract Optional<Boolean> nodeRepairEnabled();

  /** The instances of the node group's ASGs. */
  public abstract List<AsgInstance> instances();

  public static ImmutableObservedNodegroup.Builder builder() {
    return ImmutableObservedNodegroup.builder();
  }
}
