"""A deterministic, in-process simulated kind cluster on a virtual clock (no Docker needed).

    from flashgen.sim import SimCluster, ApiError
    sim = SimCluster()                       # kind-control-plane (tainted), kind-worker, kind-worker2
    sim.apply(manifest)                      # like `kubectl apply`; ApiError(code, reason, message) when refused
    sim.run_until_settled(max_seconds=3600)  # virtual seconds until nothing more will change soon
    sim.advance(31 * 86400)                  # event-driven: only the moments where something happens cost
    sim.list("v1", "Pod", "default", "app=web")

Modules: store (API objects, resourceVersions, watch log, GC), validation and defaults (what the API server
checks and fills in), admission (service-account volumes, Service IPs and NodePorts) with podpolicy, limitranger
and quota (resources, priority, LimitRange, ResourceQuota), quantity and podresources (resource amounts and what
a pod requests), scheduler (filters, scores, preemption), eviction (the Eviction API), usage (simulated use for
the metrics API), conversion (autoscaling/v1), clusterdefaults (RBAC roles, IngressClass), kubelet
(container lifecycle) with images and programs (what an image and command do: shellparse and shell run commands
over a containerfs, servers say what listens), containerconfig (a container's environment and files), probes,
controllers/* (one per workload kind, and the quota, disruption, autoscaler, ingress, taint and ClusterRole
aggregation controllers), bootstrap and kindsystem (a fresh kind cluster), engine (the clock and the control
loop), cluster (SimCluster), printers, policy_printers, describe and policy_describe (kubectl-like text), state
(the CLI's state file).
"""

from .cluster import SimCluster
from .errors import ApiError

__all__ = ["SimCluster", "ApiError"]
