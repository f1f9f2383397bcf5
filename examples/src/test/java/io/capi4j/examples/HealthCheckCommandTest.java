package io.capi4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code health-check}: a manifest evaluated at a given time, the scenarios, and the exit codes. */
class HealthCheckCommandTest {
  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
    return new Result(code, o.toString(), e.toString());
  }

  static Path example() {
    Path p = Path.of("manifests", "health-check.yaml");
    return Files.exists(p) ? p : Path.of("examples", "manifests", "health-check.yaml");
  }

  Path write(String name, String yaml) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, yaml);
    return p;
  }

  static final String NOW = "2026-03-01T12:00:00Z";

  static final String MHC = """
      apiVersion: cluster.x-k8s.io/v1beta2
      kind: MachineHealthCheck
      metadata: {name: workers, namespace: default%s}
      spec:
        clusterName: demo
        selector: {matchLabels: {%s}}
        checks:
          unhealthyNodeConditions:
          - {type: Ready, status: "False", timeoutSeconds: 300}
        remediation: {triggerIf: {unhealthyLessThanOrEqualTo: 40%%}}
      """;

  static String machine(String name, String owner, String labels) {
    return """
        ---
        apiVersion: cluster.x-k8s.io/v1beta2
        kind: Machine
        metadata:
          name: %1$s
          namespace: default
          creationTimestamp: "2026-03-01T10:00:00Z"
          labels: {cluster.x-k8s.io/cluster-name: demo, %3$s}
          ownerReferences: [{apiVersion: cluster.x-k8s.io/v1beta2, kind: %2$s, uid: u-1, controller: true}]
        spec:
          clusterName: demo
          bootstrap: {dataSecretName: s}
          infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DockerMachine, name: %1$s}
        status:
          nodeRef: {name: node-%1$s}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: node-%1$s}
        status:
          conditions: [{type: Ready, status: "%4$s", reason: R, lastTransitionTime: "2026-03-01T11:00:00Z"}]
        """.formatted(name, owner, labels, name.startsWith("bad") ? "False" : "True");
  }

  @Test
  void evaluatesTheExampleManifest() {
    Result r = run("health-check", example().toString(), "--now", NOW);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("MachineHealthCheck default/workers (cluster demo) at 2026-03-01T12:00:00Z\n")
        .contains("  cluster: Cluster default/demo from the file\n")
        .contains("  skipped: workers-7c9f5-f: machine has \"cluster.x-k8s.io/skip-remediation\" annotation\n")
        .contains("  targets (5):\n")
        .containsPattern("workers-7c9f5-a +HEALTHY +healthy")
        .containsPattern("workers-7c9f5-d +UNHEALTHY +UnhealthyNode: Condition Ready on Node is reporting status False"
            + " with reason KubeletNotReady for more than 5m0s")
        .containsPattern("workers-7c9f5-e +PENDING +.*next check in 5m1s")
        .contains("  gate: remediation allowed: 2 not healthy (5 expected - 3 healthy) is at most maxUnhealthy 2"
            + " (unhealthyLessThanOrEqualTo 40%); remediationsAllowed=0\n")
        .contains("    Machine workers-7c9f5-d: unhealthy (UnhealthyNode): OwnerRemediated is absent: set"
            + " OwnerRemediated=False (WaitingForRemediation) for the owner\n")
        .contains("    requeue after 5m1s\n")
        .contains("  status: expectedMachines=5 currentHealthy=3 remediationsAllowed=0\n")
        .contains("    workers-7c9f5-d -> MachineSet workers-7c9f5: deletes it");
  }

  @Test
  void theExampleManifestPassesValidate() {
    Result r = run("validate", example().toString());
    assertThat(r.code()).as(r.out()).isZero();
  }

  @Test
  void aBlockedGateSaysWhyAndMarksNothingForTheOwner() throws Exception {
    StringBuilder y = new StringBuilder(MHC.formatted("", "pool: a"));
    for (String n : new String[] {"bad-1", "bad-2", "bad-3", "ok-1", "ok-2"}) {
      y.append(machine(n, "MachineSet, name: ms", "pool: a"));
    }
    Result r = run("health-check", write("m.yaml", y.toString()).toString(), "--now", NOW);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("no Cluster demo in the file: assumed with ControlPlaneInitialized and InfrastructureReady True")
        .contains("  outcome: REMEDIATION_BLOCKED\n")
        .contains("  gate: remediation NOT allowed: 3 not healthy (5 expected - 2 healthy) is more than maxUnhealthy 2"
            + " (unhealthyLessThanOrEqualTo 40%); remediationsAllowed=0; Remediation is not allowed, the number of not"
            + " started or unhealthy machines exceeds maxUnhealthy (total: 5, unhealthy: 3, maxUnhealthy: 40%)\n")
        .contains("    Machine bad-1: remediation blocked: write only HealthCheckSucceeded=False\n")
        .contains("    RemediationAllowed=False (TooManyUnhealthy)")
        .doesNotContain("OwnerRemediated=False")
        .doesNotContain("owners:");
  }

  @Test
  void poolMachinesGetThePoolRemediationPlan() throws Exception {
    String pool = """
        ---
        apiVersion: cluster.x-k8s.io/v1beta2
        kind: MachinePool
        metadata:
          name: mp
          namespace: default
          annotations: {remediation.capi4j.io/max-in-flight: "1"}
        spec:
          clusterName: demo
          replicas: 3
          template:
            spec:
              clusterName: demo
              version: v1.32.0
              bootstrap: {dataSecretName: s}
              infrastructureRef: {apiGroup: infrastructure.cluster.x-k8s.io, kind: DockerMachinePool, name: mp}
        """;
    String labels = "cluster.x-k8s.io/pool-name: mp";
    String y = MHC.formatted("", labels).replace("40%", "100%")
        + machine("bad-1", "MachinePool, name: mp", labels) + machine("bad-2", "MachinePool, name: mp", labels)
        + machine("ok-1", "MachinePool, name: mp", labels) + pool;
    Result r = run("health-check", write("p.yaml", y).toString(), "--now", NOW);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("    MachinePool default/mp (capi4j pool remediation):\n")
        .contains("maxInFlight 1 (remediation.capi4j.io/max-in-flight 1 of 3 replicas, rounded up)")
        // Created at the same time: by name.
        .contains("remediation: Machine bad-1: remediation starts: OwnerRemediated=False (MachineDeleting)")
        .contains("remediation: defer Machine bad-2: only 1 more remediation(s) may be in flight")
        .contains("remediation: delete Machine bad-1: remediate the unhealthy MachinePool Machine");
  }

  @Test
  void invalidInputExitsOneNamingTheField() throws Exception {
    String y = MHC.formatted(", annotations: {remediation.capi4j.io/retry-limit: \"lots\"}", "pool: a");
    Result r = run("health-check", write("bad.yaml", y).toString(), "--now", NOW);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("INVALID MachineHealthCheck/workers")
        .contains("metadata.annotations[remediation.capi4j.io/retry-limit]: Invalid value: \"lots\"");

    Result none = run("health-check", write("none.yaml", machine("ok-1", "MachineSet, name: ms", "pool: a"))
        .toString(), "--now", NOW);
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("has no MachineHealthCheck");

    Result garbage = run("health-check", write("g.yaml", "kind: [\n").toString(), "--now", NOW);
    assertThat(garbage.code()).isEqualTo(1);
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("health-check").code()).isEqualTo(2);
    Result now = run("health-check", example().toString(), "--now", "noon");
    assertThat(now.code()).isEqualTo(2);
    assertThat(now.err()).contains("--now: \"noon\" is not an RFC 3339 time");
    assertThat(run("health-check", dir.resolve("missing.yaml").toString(), "--now", NOW).code()).isEqualTo(2);
    Result unknown = run("health-check", "--scenario", "meteor-strike");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("known: node-never-joins, max-unhealthy, pool-instance-not-ready, retry-limit");
    assertThat(run("health-check", example().toString(), "--scenario", "max-unhealthy").code()).isEqualTo(2);
    assertThat(run("health-check", "--scenario", "max-unhealthy", "--seed", "x").code()).isEqualTo(2);
  }

  @Test
  void aScenarioPrintsItsDecisionsWithTimes() {
    Result r = run("health-check", "--scenario", "pool-instance-not-ready", "--seed", "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("scenario pool-instance-not-ready (seed 3; Docker provider on a simulated cloud; virtual time from ")
        .contains("\ndecisions:\n")
        .containsPattern("\\+1m\\d+[.0-9]*s MachineHealthCheck workers: Machine worker-0: unhealthy \\(UnhealthyNode\\)")
        .contains("MachinePool workers: delete Machine worker-0: remediate the unhealthy MachinePool Machine")
        .contains("DockerMachinePool workers: machines: DockerMachine worker-0 is being deleted: delete its container")
        .contains("\nresult: completed\n");
  }
}
