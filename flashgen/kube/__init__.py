"""Kubernetes: the Cluster interface lab checks talk to, the real cluster behind it, schemas, field paths, rollout
reading and the lint of the notes' manifests. Only `client` imports the `kubernetes` package."""
