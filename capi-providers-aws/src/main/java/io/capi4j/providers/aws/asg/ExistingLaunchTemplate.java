package io.capi4j.providers.aws.asg;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;
import org.immutables.value.Value;

/** The latest version of a launch template as observed in EC2 ({@code $Latest}), decoded as CAPA decodes it. */
@Value.Immutable
public abstract class ExistingLaunchTemplate implements WithExistingLaunchTemplate {
  public abstract String id();

  /** The fields {@link LaunchTemplateNeedsUpdate} compares, and the AMI ID. */
  public abstract LaunchTemplateView latest();

  /** The hex SHA-256 of the version's decoded user data. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @Value.Default
  public String userDataHash() {
    return "";
  }

  /** The instance tag {@code sigs.k8s.io/cluster-api-provider-aws/bootstrap-data-secret} ({@code namespace/name}); absent on templates made by older CAPA. */
  public abstract Optional<String> bootstrapDataSecretTag();

  public static ImmutableExistingLaunchTemplate.Builder builder() {
    return ImmutableExistingLaunchTemplate.builder();
  }
}
