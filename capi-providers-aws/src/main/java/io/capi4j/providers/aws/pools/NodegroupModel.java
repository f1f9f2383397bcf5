package io.capi4j.providers.aws.pools;

import io.capi4j.cloud.InstanceModel;
import io.capi4j.providers.aws.api.v1beta2.AWSManagedMachinePoolSpec;
import io.capi4j.providers.aws.api.v1beta2.Aws;
import io.capi4j.util.Semver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An EKS managed node group's version state as the scaling-group port's {@link InstanceModel}: the Kubernetes
 * version EKS runs ({@code major.minor}), the AMI release version, and the launch template version when the pool
 * has a launch template (then the template's fields too, as {@link LaunchTemplateModel} stores them). The model's
 * version names all three, e.g. {@code 1.30/default} or {@code 1.31/1.31.2-20241121/lt3}.
 *
 * <p>The Nodes' kubelet version ({@link LaunchTemplateModel#KUBERNETES_VERSION}): the MachinePool's version when
 * the node group runs its minor, else {@code v<major>.<minor>.0}. The release version is empty ({@code default})
 * when EKS picks the latest AMI of the version itself (no {@code spec.amiVersion}, and after a Kubernetes update).
 */
public final class NodegroupModel {
  private NodegroupModel() {}

  /** The node group's Kubernetes version, {@code major.minor}. */
  public static final String EKS_VERSION = "eksVersion";
  /** The AMI release version; absent when EKS picked its default. */
  public static final String RELEASE_VERSION = "releaseVersion";
  /** The launch template version the node group uses, when it uses one. */
  public static final String LAUNCH_TEMPLATE_VERSION = "launchTemplateVersion";
  public static final String AMI_TYPE = "amiType";
  public static final String CAPACITY_TYPE = "capacityType";

  /** {@code major.minor} of a Kubernetes version, if it parses. */
  public static Optional<String> minor(String version) {
    return Semver.parseTolerant(version).map(v -> v.major() + "." + v.minor());
  }

  /** The kubelet version of nodes of a node group at {@code eksVersion} in a MachinePool at {@code mpVersion}. */
  static String kubeletVersion(String eksVersion, String mpVersion) {
    if (minor(mpVersion).equals(Optional.of(eksVersion))) {
      return mpVersion.startsWith("v") ? mpVersion : "v" + mpVersion;
    }
    return "v" + eksVersion + ".0";
  }

  /**
   * The model of a node group.
   *
   * @param launchTemplate the launch template version's model, when the pool has a launch template
   */
  static InstanceModel of(String eksVersion, String releaseVersion, Optional<InstanceModel> launchTemplate,
      String mpVersion, AWSManagedMachinePoolSpec spec) {
    Map<String, String> a = new LinkedHashMap<>();
    launchTemplate.ifPresent(lt -> a.putAll(lt.attributes()));
    a.put(LaunchTemplateModel.KUBERNETES_VERSION, kubeletVersion(eksVersion, mpVersion));
    a.put(EKS_VERSION, eksVersion);
    if (!releaseVersion.isEmpty()) {
      a.put(RELEASE_VERSION, releaseVersion);
    }
    launchTemplate.ifPresent(lt -> a.put(LAUNCH_TEMPLATE_VERSION, lt.version()));
    if (launchTemplate.isEmpty()) {
      a.put(AMI_TYPE, spec.amiType().orElse(Aws.AMI_TYPE_AL2_X86_64));
      spec.instanceType().ifPresent(t -> a.put(LaunchTemplateModel.INSTANCE_TYPE, t));
    }
    a.put(CAPACITY_TYPE, spec.capacityType().orElse(Aws.CAPACITY_TYPE_ON_DEMAND));
    String version = eksVersion + "/" + (releaseVersion.isEmpty() ? "default" : releaseVersion)
        + launchTemplate.map(lt -> "/lt" + lt.version()).orElse("");
    return InstanceModel.of(version, a);
  }

  /** The launch template part of a node group's model, if it has one. */
  static Optional<InstanceModel> launchTemplate(InstanceModel model) {
    String v = model.attributes().get(LAUNCH_TEMPLATE_VERSION);
    return v == null ? Optional.empty() : Optional.of(InstanceModel.of(v, model.attributes()));
  }
}
