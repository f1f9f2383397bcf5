package io.capi4j.api.bootstrap.kubeadm.v1beta2;

import static org.assertj.core.api.Assertions.assertThat;

import io.capi4j.manifest.ManifestDocument;
import io.capi4j.manifest.Manifests;
import io.capi4j.spi.Providers;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Reading and writing a full worker KubeadmConfigTemplate loses nothing, and every modelled field is typed. */
class KubeadmConfigTemplateRoundTripTest {

  static final String FULL =
      """
      apiVersion: bootstrap.cluster.x-k8s.io/v1beta2
      kind: KubeadmConfigTemplate
      metadata:
        name: md-0
        namespace: default
      spec:
        template:
          metadata:
            labels:
              team: a
            annotations:
              note: x
          spec:
            clusterConfiguration:
              apiServer:
                certSANs: [a.example.com]
            initConfiguration:
              nodeRegistration:
                name: cp
            joinConfiguration:
              nodeRegistration:
                name: '{{ ds.meta_data.local_hostname }}'
                criSocket: unix:///var/run/containerd/containerd.sock
                taints:
                - key: dedicated
                  value: gpu
                  effect: NoSchedule
                - key: other
                  effect: NoExecute
                  timeAdded: "2024-01-02T03:04:05Z"
                kubeletExtraArgs:
                - name: cloud-provider
                  value: external
                - name: empty-value
                  value: ""
                ignorePreflightErrors: [Swap, IsPrivilegedUser]
                imagePullPolicy: IfNotPresent
                imagePullSerial: false
              caCertPath: /etc/kubernetes/pki/ca.crt
              discovery:
                bootstrapToken:
                  token: abcdef.0123456789abcdef
                  apiServerEndpoint: 10.0.0.1:6443
                  caCertHashes: ["sha256:0123"]
                  unsafeSkipCAVerification: true
                file:
                  kubeConfigPath: /etc/kubernetes/discovery.conf
                  kubeConfig:
                    cluster:
                      server: https://10.0.0.1:6443
                      tlsServerName: api.example.com
                      insecureSkipTLSVerify: false
                      certificateAuthorityData: Y2EtZGF0YQ==
                      proxyURL: socks5://proxy:1080
                    user:
                      authProvider:
                        name: oidc
                        config:
                          client-id: abc
                      exec:
                        command: /usr/bin/token
                        args: [--cluster, c1]
                        env:
                        - name: REGION
                          value: eu
                        apiVersion: client.authentication.k8s.io/v1
                        provideClusterInfo: true
                tlsBootstrapToken: abcdef.0123456789abcdef
              skipPhases: [preflight]
              patches:
                directory: /etc/kubernetes/patches
              timeouts:
                controlPlaneComponentHealthCheckSeconds: 240
                kubeletHealthCheckSeconds: 241
                kubernetesAPICallSeconds: 60
                etcdAPICallSeconds: 120
                tlsBootstrapSeconds: 300
                discoverySeconds: 0
              futureJoinField: {a: 1}
            files:
            - path: /etc/a
              owner: root:root
              permissions: "0640"
              encoding: base64
              append: true
              content: Zm9v
            - path: /etc/b
              contentFrom:
                secret:
                  name: s
                  key: k
            diskSetup:
              partitions:
              - device: /dev/sdb
                layout: true
                overwrite: false
                tableType: gpt
              filesystems:
              - device: /dev/sdb1
                filesystem: ext4
                label: data
                partition: auto
                overwrite: true
                replaceFS: ntfs
                extraOpts: ["-E", lazy_itable_init=1]
            mounts:
            - [LABEL=data, /var/lib/data]
            - [/dev/sdc, /mnt]
            bootCommands: [echo boot]
            preKubeadmCommands: [echo pre]
            postKubeadmCommands: [echo post]
            users:
            - name: capi
              gecos: CAPI user
              groups: wheel
              homeDir: /home/capi
              inactive: false
              shell: /bin/bash
              passwd: $6$hash
              primaryGroup: capi
              lockPassword: true
              sudo: ALL=(ALL) NOPASSWD:ALL
              sshAuthorizedKeys: [ssh-ed25519 AAAA]
            - name: other
              passwdFrom:
                secret:
                  name: pw
                  key: hash
            ntp:
              servers: [pool.ntp.org]
              enabled: true
            format: cloud-config
            verbosity: 5
            ignition:
              containerLinuxConfig:
                additionalConfig: |
                  storage: {}
                strict: true
      """;

  @Test
  void fullWorkerTemplateRoundTrips() throws Exception {
    Manifests manifests = Manifests.create(Providers.none());
    List<ManifestDocument> docs = manifests.parse("full.yaml", FULL);
    assertThat(docs).hasSize(1);
    assertThat(docs.get(0).decodeErrors()).isEmpty();
    KubeadmConfigTemplate t = (KubeadmConfigTemplate) docs.get(0).value().orElseThrow();

    String yaml = manifests.toYaml(t);
    List<ManifestDocument> again = manifests.parse("again.yaml", yaml);
    assertThat(again.get(0).decodeErrors()).isEmpty();
    KubeadmConfigTemplate t2 = (KubeadmConfigTemplate) again.get(0).value().orElseThrow();

    JsonNode original = docs.get(0).raw();
    assertThat(manifests.toTree(t)).isEqualTo(original);
    assertThat(manifests.toTree(t2)).isEqualTo(original);
    assertThat(t2).isEqualTo(t);
  }

  @Test
  void everyWorkerFieldIsTyped() throws Exception {
    Manifests manifests = Manifests.create(Providers.none());
    KubeadmConfigTemplate t = (KubeadmConfigTemplate) manifests.parse("full.yaml", FULL).get(0).value().orElseThrow();
    KubeadmConfigSpec s = t.templateSpecOrEmpty();
    assertThat(s.unknownFields()).containsOnlyKeys("clusterConfiguration", "initConfiguration");

    JoinConfiguration j = s.joinConfigurationOrEmpty();
    assertThat(j.unknownFields()).containsOnlyKeys("futureJoinField");
    NodeRegistrationOptions nr = j.nodeRegistrationOrEmpty();
    assertThat(nr.criSocket()).isEqualTo("unix:///var/run/containerd/containerd.sock");
    assertThat(nr.taints().orElseThrow()).extracting(Taint::getKey).containsExactly("dedicated", "other");
    assertThat(nr.kubeletExtraArgs()).containsExactly(Arg.of("cloud-provider", "external"), Arg.of("empty-value", ""));
    assertThat(nr.ignorePreflightErrors()).containsExactly("Swap", "IsPrivilegedUser");
    assertThat(nr.imagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(nr.imagePullSerial()).contains(false);
    assertThat(j.caCertPath()).isEqualTo("/etc/kubernetes/pki/ca.crt");
    Discovery d = j.discoveryOrEmpty();
    assertThat(d.bootstrapToken().orElseThrow().caCertHashes()).containsExactly("sha256:0123");
    assertThat(d.bootstrapToken().orElseThrow().unsafeSkipCAVerification()).contains(true);
    assertThat(d.tlsBootstrapToken()).isEqualTo("abcdef.0123456789abcdef");
    FileDiscoveryKubeConfig kc = d.fileOrEmpty().kubeConfigOrEmpty();
    assertThat(d.fileOrEmpty().kubeConfigPath()).isEqualTo("/etc/kubernetes/discovery.conf");
    assertThat(kc.cluster().orElseThrow().certificateAuthorityData()).isEqualTo("Y2EtZGF0YQ==");
    assertThat(kc.cluster().orElseThrow().proxyURL()).isEqualTo("socks5://proxy:1080");
    assertThat(kc.userOrEmpty().authProvider().orElseThrow().config()).containsEntry("client-id", "abc");
    KubeConfigAuthExec exec = kc.userOrEmpty().exec().orElseThrow();
    assertThat(exec.args()).containsExactly("--cluster", "c1");
    assertThat(exec.env()).containsExactly(KubeConfigAuthExecEnv.builder().name("REGION").value("eu").build());
    assertThat(exec.provideClusterInfo()).contains(true);
    assertThat(j.skipPhases()).containsExactly("preflight");
    assertThat(j.patches().orElseThrow().directory()).isEqualTo("/etc/kubernetes/patches");
    Timeouts to = j.timeouts().orElseThrow();
    assertThat(to.kubeletHealthCheckSeconds()).contains(241);
    assertThat(to.discoverySeconds()).contains(0);

    assertThat(s.files()).hasSize(2);
    assertThat(s.files().get(0).append()).contains(true);
    assertThat(s.files().get(1).contentFrom()).contains(FileSource.ofSecret("s", "k"));
    assertThat(s.diskSetupOrEmpty().partitions().get(0).layout()).contains(true);
    assertThat(s.diskSetupOrEmpty().filesystems().get(0).extraOpts()).containsExactly("-E", "lazy_itable_init=1");
    assertThat(s.mounts()).containsExactly(List.of("LABEL=data", "/var/lib/data"), List.of("/dev/sdc", "/mnt"));
    assertThat(s.bootCommands()).containsExactly("echo boot");
    assertThat(s.users().get(0).lockPassword()).contains(true);
    assertThat(s.users().get(1).passwdFrom()).contains(PasswdSource.ofSecret("pw", "hash"));
    assertThat(s.ntp().orElseThrow().servers()).containsExactly("pool.ntp.org");
    assertThat(s.verbosity()).contains(5);
    assertThat(s.ignition().orElseThrow().containerLinuxConfig().orElseThrow().strict()).contains(true);
  }

  @Test
  void emptyTaintsAreKeptApartFromAbsentTaints() throws Exception {
    Manifests manifests = Manifests.create(Providers.none());
    String yaml =
        """
        apiVersion: bootstrap.cluster.x-k8s.io/v1beta2
        kind: KubeadmConfig
        metadata: {name: c}
        spec:
          joinConfiguration:
            nodeRegistration:
              taints: []
        """;
    KubeadmConfig c = (KubeadmConfig) manifests.parse("c.yaml", yaml).get(0).value().orElseThrow();
    assertThat(c.specOrEmpty().joinConfigurationOrEmpty().nodeRegistrationOrEmpty().taints()).contains(List.of());
    KubeadmConfig again = (KubeadmConfig) manifests.parse("again.yaml", manifests.toYaml(c)).get(0).value().orElseThrow();
    assertThat(again).isEqualTo(c);
    assertThat(manifests.toTree(again).at("/spec/joinConfiguration/nodeRegistration/taints").isArray()).isTrue();
  }
}
