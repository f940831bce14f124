"""Kubernetes: the Cluster interface lab checks talk to, the real cluster behind it, schemas, field paths, rollout
reading and the lint of the notes' manifests. Only `client` imports the `kubernetes` package."""

# the languages of the code fences whose manifests the lint reads (flashgen.kube.lint)
YAML_LANGS = frozenset({"yaml", "yml", "json", "", "k8s", "kubernetes"})
