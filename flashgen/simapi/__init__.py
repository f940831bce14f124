"""The simulated cluster served over HTTP as a Kubernetes API server, for kubectl and the `kubernetes` client.

Modules: paths (REST paths to kinds), discovery (/api, /apis, /version), openapi and openapi_v2 (the documents
kubectl reads before it validates or explains), tables (server-side Table output for `kubectl get`), fields (field
and label selectors), watch (watch streams), resources (create/get/list/update/patch/delete), subresources (scale,
status, log, eviction, serviceaccount tokens, and clear refusals for exec and the like), identity (who makes a
request, impersonation, RBAC), reviews (access and subject reviews, TokenRequest), metrics (metrics.k8s.io),
jsonpatch (RFC 6902 patches), protobuf and
protobuf_schema (the protobuf bodies of kubectl's typed clients), status (metav1 Status errors), runtime (the
clock, persistence and change notification), app (the Starlette application), server (running it, in the
foreground or on a thread), kubeconfig (writing and merging the `flashgen-sim` context).
"""
