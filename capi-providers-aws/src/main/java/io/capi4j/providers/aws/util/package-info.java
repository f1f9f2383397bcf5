/** Small Go-compatible helpers the AWS provider needs: Go durations and BLAKE2b (for EKS names). */
package io.capi4j.providers.aws.util;
