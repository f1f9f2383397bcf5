/**
 * CAPA's pure decisions for an AWSMachinePool backed by an EC2 Auto Scaling group (ASG), without any cloud call:
 * desired capacity, whether the ASG needs an update ({@code diffASG}), suspended processes, whether the launch
 * template needs a new version and whether that version is rolled out by an instance refresh, the refresh request,
 * how an instance refresh replaces instances in batches, and the pool's status from the observed ASG.
 *
 * <p>Inputs are immutable values: CAPA's API objects from {@link io.capi4j.providers.aws.api.v1beta2} and this
 * package's own views of what was observed in AWS ({@link io.capi4j.providers.aws.asg.ObservedAsg},
 * {@link io.capi4j.providers.aws.asg.LaunchTemplateView}). Outputs are plans whose steps carry their reasons; a
 * caller applies them to a real or simulated cloud. The sources are CAPA's
 * {@code exp/controllers/awsmachinepool_controller.go}, {@code pkg/cloud/services/autoscaling/autoscalinggroup.go}
 * and {@code pkg/cloud/services/ec2/launchtemplate.go}.
 */
@CapiStyle
package io.capi4j.providers.aws.asg;

import io.capi4j.CapiStyle;
