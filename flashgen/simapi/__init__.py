"""The simulated cluster served over HTTP as a Kubernetes API server, for kubectl and the `kubernetes` client.

Modules: status (metav1 Status errors), paths (REST paths to kinds), discovery (/api, /apis, /version),
openapi (OpenAPI v3 documents built from kubernetes-validate's schemas), tables (server-side Table output for
`kubectl get`), fields (field selectors), watch (watch streams), resources (create/get/list/update/patch/delete),
subresources (scale, status, log, and what is not supported), runtime (the clock, persistence and the lock),
app (the Starlette application), kubeconfig (writing and merging the `flashgen-sim` context).
"""
