"""Protobuf field numbers of the Kubernetes API types kubectl's typed clients send (`kubectl create job`,
`create deployment`, `create namespace` ...): message -> field number -> (JSON name, type, repeated).

Types: a scalar (string, int32, int64, bool, bytes, double), `time`, `intstr`, `quantity`, `raw`, `duration`,
`map:<value type>`, or another message of this table. An empty JSON name marks a message Go embeds inline
(`json:",inline"`: a Volume's VolumeSource, a Probe's handler, the name of a ConfigMap or Secret reference): its
fields belong to the enclosing object."""

from __future__ import annotations

ROOTS: dict[tuple[str, str], str] = {
    ('apps/v1', 'Deployment'): 'apps.v1.Deployment',
    ('batch/v1', 'CronJob'): 'batch.v1.CronJob',
    ('batch/v1', 'Job'): 'batch.v1.Job',
    ('v1', 'ConfigMap'): 'core.v1.ConfigMap',
    ('v1', 'Namespace'): 'core.v1.Namespace',
    ('v1', 'Pod'): 'core.v1.Pod',
    ('v1', 'Secret'): 'core.v1.Secret',
    ('v1', 'Service'): 'core.v1.Service',
    ('v1', 'ServiceAccount'): 'core.v1.ServiceAccount',
    # kubectl create role|clusterrole|rolebinding|clusterrolebinding|quota|ingress|pdb|priorityclass, autoscale,
    # drain (Eviction, DeleteOptions), auth can-i (--list), create token
    ('rbac.authorization.k8s.io/v1', 'Role'): 'rbac.v1.Role',
    ('rbac.authorization.k8s.io/v1', 'ClusterRole'): 'rbac.v1.ClusterRole',
    ('rbac.authorization.k8s.io/v1', 'RoleBinding'): 'rbac.v1.RoleBinding',
    ('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'): 'rbac.v1.ClusterRoleBinding',
    ('v1', 'ResourceQuota'): 'core.v1.ResourceQuota',
    ('networking.k8s.io/v1', 'Ingress'): 'networking.v1.Ingress',
    ('policy/v1', 'PodDisruptionBudget'): 'policy.v1.PodDisruptionBudget',
    ('policy/v1', 'Eviction'): 'policy.v1.Eviction',
    ('scheduling.k8s.io/v1', 'PriorityClass'): 'scheduling.v1.PriorityClass',
    ('autoscaling/v1', 'HorizontalPodAutoscaler'): 'autoscaling.v1.HorizontalPodAutoscaler',
    ('v1', 'DeleteOptions'): 'meta.v1.DeleteOptions',
    ('meta.k8s.io/v1', 'DeleteOptions'): 'meta.v1.DeleteOptions',
    ('authorization.k8s.io/v1', 'SelfSubjectAccessReview'): 'authorization.v1.SelfSubjectAccessReview',
    ('authorization.k8s.io/v1', 'SelfSubjectRulesReview'): 'authorization.v1.SelfSubjectRulesReview',
    ('authorization.k8s.io/v1', 'SubjectAccessReview'): 'authorization.v1.SubjectAccessReview',
    ('authentication.k8s.io/v1', 'SelfSubjectReview'): 'authentication.v1.SelfSubjectReview',
    ('authentication.k8s.io/v1', 'TokenRequest'): 'authentication.v1.TokenRequest',
}

FIELDS: dict[str, dict[int, tuple[str, str, bool]]] = {
    'authentication.v1.BoundObjectReference': {
        1: ('kind', 'string', False), 2: ('apiVersion', 'string', False), 3: ('name', 'string', False),
        4: ('uid', 'string', False),
    },
    'authentication.v1.SelfSubjectReview': {
        1: ('metadata', 'meta.v1.ObjectMeta', False),
    },
    'authentication.v1.TokenRequest': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('spec', 'authentication.v1.TokenRequestSpec', False),
    },
    'authentication.v1.TokenRequestSpec': {
        1: ('audiences', 'string', True), 3: ('boundObjectRef', 'authentication.v1.BoundObjectReference', False),
        4: ('expirationSeconds', 'int64', False),
    },
    'authorization.v1.NonResourceAttributes': {
        1: ('path', 'string', False), 2: ('verb', 'string', False),
    },
    'authorization.v1.ResourceAttributes': {
        1: ('namespace', 'string', False), 2: ('verb', 'string', False), 3: ('group', 'string', False),
        4: ('version', 'string', False), 5: ('resource', 'string', False), 6: ('subresource', 'string', False),
        7: ('name', 'string', False),
    },
    'authorization.v1.SelfSubjectAccessReview': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('spec', 'authorization.v1.SelfSubjectAccessReviewSpec', False),
    },
    'authorization.v1.SelfSubjectAccessReviewSpec': {
        1: ('resourceAttributes', 'authorization.v1.ResourceAttributes', False),
        2: ('nonResourceAttributes', 'authorization.v1.NonResourceAttributes', False),
    },
    'authorization.v1.SelfSubjectRulesReview': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('spec', 'authorization.v1.SelfSubjectRulesReviewSpec', False),
    },
    'authorization.v1.SelfSubjectRulesReviewSpec': {
        1: ('namespace', 'string', False),
    },
    'authorization.v1.SubjectAccessReview': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('spec', 'authorization.v1.SubjectAccessReviewSpec', False),
    },
    'authorization.v1.SubjectAccessReviewSpec': {
        1: ('resourceAttributes', 'authorization.v1.ResourceAttributes', False),
        2: ('nonResourceAttributes', 'authorization.v1.NonResourceAttributes', False), 3: ('user', 'string', False),
        4: ('groups', 'string', True), 6: ('uid', 'string', False),
    },
    'autoscaling.v1.CrossVersionObjectReference': {
        1: ('kind', 'string', False), 2: ('name', 'string', False), 3: ('apiVersion', 'string', False),
    },
    'autoscaling.v1.HorizontalPodAutoscaler': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('spec', 'autoscaling.v1.HorizontalPodAutoscalerSpec', False),
    },
    'autoscaling.v1.HorizontalPodAutoscalerSpec': {
        1: ('scaleTargetRef', 'autoscaling.v1.CrossVersionObjectReference', False), 2: ('minReplicas', 'int32', False),
        3: ('maxReplicas', 'int32', False), 4: ('targetCPUUtilizationPercentage', 'int32', False),
    },
    'core.v1.ResourceQuota': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('spec', 'core.v1.ResourceQuotaSpec', False),
    },
    'core.v1.ResourceQuotaSpec': {
        1: ('hard', 'map:quantity', False), 2: ('scopes', 'string', True),
        3: ('scopeSelector', 'core.v1.ScopeSelector', False),
    },
    'core.v1.ScopeSelector': {
        1: ('matchExpressions', 'core.v1.ScopedResourceSelectorRequirement', True),
    },
    'core.v1.ScopedResourceSelectorRequirement': {
        1: ('scopeName', 'string', False), 2: ('operator', 'string', False), 3: ('values', 'string', True),
    },
    'meta.v1.DeleteOptions': {
        1: ('gracePeriodSeconds', 'int64', False), 2: ('preconditions', 'meta.v1.Preconditions', False),
        3: ('orphanDependents', 'bool', False), 4: ('propagationPolicy', 'string', False),
        5: ('dryRun', 'string', True),
    },
    'meta.v1.Preconditions': {
        1: ('uid', 'string', False), 2: ('resourceVersion', 'string', False),
    },
    'networking.v1.HTTPIngressPath': {
        1: ('path', 'string', False), 2: ('backend', 'networking.v1.IngressBackend', False),
        3: ('pathType', 'string', False),
    },
    'networking.v1.HTTPIngressRuleValue': {
        1: ('paths', 'networking.v1.HTTPIngressPath', True),
    },
    'networking.v1.Ingress': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('spec', 'networking.v1.IngressSpec', False),
    },
    'networking.v1.IngressBackend': {
        3: ('resource', 'core.v1.TypedLocalObjectReference', False),
        4: ('service', 'networking.v1.IngressServiceBackend', False),
    },
    'networking.v1.IngressRule': {
        1: ('host', 'string', False), 2: ('', 'networking.v1.IngressRuleValue', False),
    },
    'networking.v1.IngressRuleValue': {
        1: ('http', 'networking.v1.HTTPIngressRuleValue', False),
    },
    'networking.v1.IngressServiceBackend': {
        1: ('name', 'string', False), 2: ('port', 'networking.v1.ServiceBackendPort', False),
    },
    'networking.v1.IngressSpec': {
        1: ('defaultBackend', 'networking.v1.IngressBackend', False), 2: ('tls', 'networking.v1.IngressTLS', True),
        3: ('rules', 'networking.v1.IngressRule', True), 4: ('ingressClassName', 'string', False),
    },
    'networking.v1.IngressTLS': {
        1: ('hosts', 'string', True), 2: ('secretName', 'string', False),
    },
    'networking.v1.ServiceBackendPort': {
        1: ('name', 'string', False), 2: ('number', 'int32', False),
    },
    'policy.v1.Eviction': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('deleteOptions', 'meta.v1.DeleteOptions', False),
    },
    'policy.v1.PodDisruptionBudget': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('spec', 'policy.v1.PodDisruptionBudgetSpec', False),
    },
    'policy.v1.PodDisruptionBudgetSpec': {
        1: ('minAvailable', 'intstr', False), 2: ('selector', 'meta.v1.LabelSelector', False),
        3: ('maxUnavailable', 'intstr', False), 4: ('unhealthyPodEvictionPolicy', 'string', False),
    },
    'rbac.v1.AggregationRule': {
        1: ('clusterRoleSelectors', 'meta.v1.LabelSelector', True),
    },
    'rbac.v1.ClusterRole': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('rules', 'rbac.v1.PolicyRule', True),
        3: ('aggregationRule', 'rbac.v1.AggregationRule', False),
    },
    'rbac.v1.ClusterRoleBinding': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('subjects', 'rbac.v1.Subject', True),
        3: ('roleRef', 'rbac.v1.RoleRef', False),
    },
    'rbac.v1.PolicyRule': {
        1: ('verbs', 'string', True), 2: ('apiGroups', 'string', True), 3: ('resources', 'string', True),
        4: ('resourceNames', 'string', True), 5: ('nonResourceURLs', 'string', True),
    },
    'rbac.v1.Role': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('rules', 'rbac.v1.PolicyRule', True),
    },
    'rbac.v1.RoleBinding': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('subjects', 'rbac.v1.Subject', True),
        3: ('roleRef', 'rbac.v1.RoleRef', False),
    },
    'rbac.v1.RoleRef': {
        1: ('apiGroup', 'string', False), 2: ('kind', 'string', False), 3: ('name', 'string', False),
    },
    'rbac.v1.Subject': {
        1: ('kind', 'string', False), 2: ('apiGroup', 'string', False), 3: ('name', 'string', False),
        4: ('namespace', 'string', False),
    },
    'scheduling.v1.PriorityClass': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('value', 'int32', False), 3: ('globalDefault', 'bool', False),
        4: ('description', 'string', False), 5: ('preemptionPolicy', 'string', False),
    },
    'apps.v1.Deployment': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('spec', 'apps.v1.DeploymentSpec', False),
        3: ('status', 'apps.v1.DeploymentStatus', False),
    },
    'apps.v1.DeploymentCondition': {
        1: ('type', 'string', False), 2: ('status', 'string', False), 4: ('reason', 'string', False),
        5: ('message', 'string', False), 6: ('lastUpdateTime', 'time', False),
        7: ('lastTransitionTime', 'time', False),
    },
    'apps.v1.DeploymentSpec': {
        1: ('replicas', 'int32', False), 2: ('selector', 'meta.v1.LabelSelector', False),
        3: ('template', 'core.v1.PodTemplateSpec', False), 4: ('strategy', 'apps.v1.DeploymentStrategy', False),
        5: ('minReadySeconds', 'int32', False), 6: ('revisionHistoryLimit', 'int32', False),
        7: ('paused', 'bool', False), 9: ('progressDeadlineSeconds', 'int32', False),
    },
    'apps.v1.DeploymentStatus': {
        1: ('observedGeneration', 'int64', False), 2: ('replicas', 'int32', False),
        3: ('updatedReplicas', 'int32', False), 4: ('availableReplicas', 'int32', False),
        5: ('unavailableReplicas', 'int32', False), 6: ('conditions', 'apps.v1.DeploymentCondition', True),
        7: ('readyReplicas', 'int32', False), 8: ('collisionCount', 'int32', False),
    },
    'apps.v1.DeploymentStrategy': {
        1: ('type', 'string', False), 2: ('rollingUpdate', 'apps.v1.RollingUpdateDeployment', False),
    },
    'apps.v1.RollingUpdateDeployment': {
        1: ('maxUnavailable', 'intstr', False), 2: ('maxSurge', 'intstr', False),
    },
    'batch.v1.CronJob': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('spec', 'batch.v1.CronJobSpec', False),
        3: ('status', 'batch.v1.CronJobStatus', False),
    },
    'batch.v1.CronJobSpec': {
        1: ('schedule', 'string', False), 2: ('startingDeadlineSeconds', 'int64', False),
        3: ('concurrencyPolicy', 'string', False), 4: ('suspend', 'bool', False),
        5: ('jobTemplate', 'batch.v1.JobTemplateSpec', False), 6: ('successfulJobsHistoryLimit', 'int32', False),
        7: ('failedJobsHistoryLimit', 'int32', False), 8: ('timeZone', 'string', False),
    },
    'batch.v1.CronJobStatus': {
        1: ('active', 'core.v1.ObjectReference', True), 4: ('lastScheduleTime', 'time', False),
        5: ('lastSuccessfulTime', 'time', False),
    },
    'batch.v1.Job': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('spec', 'batch.v1.JobSpec', False),
        3: ('status', 'batch.v1.JobStatus', False),
    },
    'batch.v1.JobCondition': {
        1: ('type', 'string', False), 2: ('status', 'string', False), 3: ('lastProbeTime', 'time', False),
        4: ('lastTransitionTime', 'time', False), 5: ('reason', 'string', False), 6: ('message', 'string', False),
    },
    'batch.v1.JobSpec': {
        1: ('parallelism', 'int32', False), 2: ('completions', 'int32', False),
        3: ('activeDeadlineSeconds', 'int64', False), 4: ('selector', 'meta.v1.LabelSelector', False),
        5: ('manualSelector', 'bool', False), 6: ('template', 'core.v1.PodTemplateSpec', False),
        7: ('backoffLimit', 'int32', False), 8: ('ttlSecondsAfterFinished', 'int32', False),
        9: ('completionMode', 'string', False), 10: ('suspend', 'bool', False),
        11: ('podFailurePolicy', 'batch.v1.PodFailurePolicy', False),
    },
    'batch.v1.JobStatus': {
        1: ('conditions', 'batch.v1.JobCondition', True), 2: ('startTime', 'time', False),
        3: ('completionTime', 'time', False), 4: ('active', 'int32', False), 5: ('succeeded', 'int32', False),
        6: ('failed', 'int32', False), 7: ('completedIndexes', 'string', False),
        8: ('uncountedTerminatedPods', 'batch.v1.UncountedTerminatedPods', False), 9: ('ready', 'int32', False),
    },
    'batch.v1.JobTemplateSpec': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('spec', 'batch.v1.JobSpec', False),
    },
    'batch.v1.PodFailurePolicy': {
        1: ('rules', 'batch.v1.PodFailurePolicyRule', True),
    },
    'batch.v1.PodFailurePolicyOnExitCodesRequirement': {
        1: ('containerName', 'string', False), 2: ('operator', 'string', False), 3: ('values', 'int32', True),
    },
    'batch.v1.PodFailurePolicyOnPodConditionsPattern': {
        1: ('type', 'string', False), 2: ('status', 'string', False),
    },
    'batch.v1.PodFailurePolicyRule': {
        1: ('action', 'string', False), 2: ('onExitCodes', 'batch.v1.PodFailurePolicyOnExitCodesRequirement', False),
        3: ('onPodConditions', 'batch.v1.PodFailurePolicyOnPodConditionsPattern', True),
    },
    'batch.v1.UncountedTerminatedPods': {
        1: ('succeeded', 'string', True), 2: ('failed', 'string', True),
    },
    'core.v1.AWSElasticBlockStoreVolumeSource': {
        1: ('volumeID', 'string', False), 2: ('fsType', 'string', False), 3: ('partition', 'int32', False),
        4: ('readOnly', 'bool', False),
    },
    'core.v1.Affinity': {
        1: ('nodeAffinity', 'core.v1.NodeAffinity', False), 2: ('podAffinity', 'core.v1.PodAffinity', False),
        3: ('podAntiAffinity', 'core.v1.PodAntiAffinity', False),
    },
    'core.v1.AzureDiskVolumeSource': {
        1: ('diskName', 'string', False), 2: ('diskURI', 'string', False), 3: ('cachingMode', 'string', False),
        4: ('fsType', 'string', False), 5: ('readOnly', 'bool', False), 6: ('kind', 'string', False),
    },
    'core.v1.AzureFileVolumeSource': {
        1: ('secretName', 'string', False), 2: ('shareName', 'string', False), 3: ('readOnly', 'bool', False),
    },
    'core.v1.CSIVolumeSource': {
        1: ('driver', 'string', False), 2: ('readOnly', 'bool', False), 3: ('fsType', 'string', False),
        4: ('volumeAttributes', 'map:string', False),
        5: ('nodePublishSecretRef', 'core.v1.LocalObjectReference', False),
    },
    'core.v1.Capabilities': {
        1: ('add', 'string', True), 2: ('drop', 'string', True),
    },
    'core.v1.CephFSVolumeSource': {
        1: ('monitors', 'string', True), 2: ('path', 'string', False), 3: ('user', 'string', False),
        4: ('secretFile', 'string', False), 5: ('secretRef', 'core.v1.LocalObjectReference', False),
        6: ('readOnly', 'bool', False),
    },
    'core.v1.CinderVolumeSource': {
        1: ('volumeID', 'string', False), 2: ('fsType', 'string', False), 3: ('readOnly', 'bool', False),
        4: ('secretRef', 'core.v1.LocalObjectReference', False),
    },
    'core.v1.ClaimSource': {
        1: ('resourceClaimName', 'string', False), 2: ('resourceClaimTemplateName', 'string', False),
    },
    'core.v1.ClientIPConfig': {
        1: ('timeoutSeconds', 'int32', False),
    },
    'core.v1.ConfigMap': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('data', 'map:string', False),
        3: ('binaryData', 'map:bytes', False), 4: ('immutable', 'bool', False),
    },
    'core.v1.ConfigMapEnvSource': {
        1: ('', 'core.v1.LocalObjectReference', False), 2: ('optional', 'bool', False),
    },
    'core.v1.ConfigMapKeySelector': {
        1: ('', 'core.v1.LocalObjectReference', False), 2: ('key', 'string', False),
        3: ('optional', 'bool', False),
    },
    'core.v1.ConfigMapProjection': {
        1: ('', 'core.v1.LocalObjectReference', False), 2: ('items', 'core.v1.KeyToPath', True),
        4: ('optional', 'bool', False),
    },
    'core.v1.ConfigMapVolumeSource': {
        1: ('', 'core.v1.LocalObjectReference', False), 2: ('items', 'core.v1.KeyToPath', True),
        3: ('defaultMode', 'int32', False), 4: ('optional', 'bool', False),
    },
    'core.v1.Container': {
        1: ('name', 'string', False), 2: ('image', 'string', False), 3: ('command', 'string', True),
        4: ('args', 'string', True), 5: ('workingDir', 'string', False), 6: ('ports', 'core.v1.ContainerPort', True),
        7: ('env', 'core.v1.EnvVar', True), 8: ('resources', 'core.v1.ResourceRequirements', False),
        9: ('volumeMounts', 'core.v1.VolumeMount', True), 10: ('livenessProbe', 'core.v1.Probe', False),
        11: ('readinessProbe', 'core.v1.Probe', False), 12: ('lifecycle', 'core.v1.Lifecycle', False),
        13: ('terminationMessagePath', 'string', False), 14: ('imagePullPolicy', 'string', False),
        15: ('securityContext', 'core.v1.SecurityContext', False), 16: ('stdin', 'bool', False),
        17: ('stdinOnce', 'bool', False), 18: ('tty', 'bool', False), 19: ('envFrom', 'core.v1.EnvFromSource', True),
        20: ('terminationMessagePolicy', 'string', False), 21: ('volumeDevices', 'core.v1.VolumeDevice', True),
        22: ('startupProbe', 'core.v1.Probe', False),
    },
    'core.v1.ContainerPort': {
        1: ('name', 'string', False), 2: ('hostPort', 'int32', False), 3: ('containerPort', 'int32', False),
        4: ('protocol', 'string', False), 5: ('hostIP', 'string', False),
    },
    'core.v1.ContainerState': {
        1: ('waiting', 'core.v1.ContainerStateWaiting', False),
        2: ('running', 'core.v1.ContainerStateRunning', False),
        3: ('terminated', 'core.v1.ContainerStateTerminated', False),
    },
    'core.v1.ContainerStateRunning': {
        1: ('startedAt', 'time', False),
    },
    'core.v1.ContainerStateTerminated': {
        1: ('exitCode', 'int32', False), 2: ('signal', 'int32', False), 3: ('reason', 'string', False),
        4: ('message', 'string', False), 5: ('startedAt', 'time', False), 6: ('finishedAt', 'time', False),
        7: ('containerID', 'string', False),
    },
    'core.v1.ContainerStateWaiting': {
        1: ('reason', 'string', False), 2: ('message', 'string', False),
    },
    'core.v1.ContainerStatus': {
        1: ('name', 'string', False), 2: ('state', 'core.v1.ContainerState', False),
        3: ('lastState', 'core.v1.ContainerState', False), 4: ('ready', 'bool', False),
        5: ('restartCount', 'int32', False), 6: ('image', 'string', False), 7: ('imageID', 'string', False),
        8: ('containerID', 'string', False), 9: ('started', 'bool', False),
    },
    'core.v1.DownwardAPIProjection': {
        1: ('items', 'core.v1.DownwardAPIVolumeFile', True),
    },
    'core.v1.DownwardAPIVolumeFile': {
        1: ('path', 'string', False), 2: ('fieldRef', 'core.v1.ObjectFieldSelector', False),
        3: ('resourceFieldRef', 'core.v1.ResourceFieldSelector', False), 4: ('mode', 'int32', False),
    },
    'core.v1.DownwardAPIVolumeSource': {
        1: ('items', 'core.v1.DownwardAPIVolumeFile', True), 2: ('defaultMode', 'int32', False),
    },
    'core.v1.EmptyDirVolumeSource': {
        1: ('medium', 'string', False), 2: ('sizeLimit', 'quantity', False),
    },
    'core.v1.EnvFromSource': {
        1: ('prefix', 'string', False), 2: ('configMapRef', 'core.v1.ConfigMapEnvSource', False),
        3: ('secretRef', 'core.v1.SecretEnvSource', False),
    },
    'core.v1.EnvVar': {
        1: ('name', 'string', False), 2: ('value', 'string', False), 3: ('valueFrom', 'core.v1.EnvVarSource', False),
    },
    'core.v1.EnvVarSource': {
        1: ('fieldRef', 'core.v1.ObjectFieldSelector', False),
        2: ('resourceFieldRef', 'core.v1.ResourceFieldSelector', False),
        3: ('configMapKeyRef', 'core.v1.ConfigMapKeySelector', False),
        4: ('secretKeyRef', 'core.v1.SecretKeySelector', False),
    },
    'core.v1.EphemeralContainer': {
        1: ('ephemeralContainerCommon', 'core.v1.EphemeralContainerCommon', False),
        2: ('targetContainerName', 'string', False),
    },
    'core.v1.EphemeralContainerCommon': {
        1: ('name', 'string', False), 2: ('image', 'string', False), 3: ('command', 'string', True),
        4: ('args', 'string', True), 5: ('workingDir', 'string', False), 6: ('ports', 'core.v1.ContainerPort', True),
        7: ('env', 'core.v1.EnvVar', True), 8: ('resources', 'core.v1.ResourceRequirements', False),
        9: ('volumeMounts', 'core.v1.VolumeMount', True), 10: ('livenessProbe', 'core.v1.Probe', False),
        11: ('readinessProbe', 'core.v1.Probe', False), 12: ('lifecycle', 'core.v1.Lifecycle', False),
        13: ('terminationMessagePath', 'string', False), 14: ('imagePullPolicy', 'string', False),
        15: ('securityContext', 'core.v1.SecurityContext', False), 16: ('stdin', 'bool', False),
        17: ('stdinOnce', 'bool', False), 18: ('tty', 'bool', False), 19: ('envFrom', 'core.v1.EnvFromSource', True),
        20: ('terminationMessagePolicy', 'string', False), 21: ('volumeDevices', 'core.v1.VolumeDevice', True),
        22: ('startupProbe', 'core.v1.Probe', False),
    },
    'core.v1.EphemeralVolumeSource': {
        1: ('volumeClaimTemplate', 'core.v1.PersistentVolumeClaimTemplate', False),
    },
    'core.v1.ExecAction': {
        1: ('command', 'string', True),
    },
    'core.v1.FCVolumeSource': {
        1: ('targetWWNs', 'string', True), 2: ('lun', 'int32', False), 3: ('fsType', 'string', False),
        4: ('readOnly', 'bool', False), 5: ('wwids', 'string', True),
    },
    'core.v1.FlexVolumeSource': {
        1: ('driver', 'string', False), 2: ('fsType', 'string', False),
        3: ('secretRef', 'core.v1.LocalObjectReference', False), 4: ('readOnly', 'bool', False),
        5: ('options', 'map:string', False),
    },
    'core.v1.FlockerVolumeSource': {
        1: ('datasetName', 'string', False), 2: ('datasetUUID', 'string', False),
    },
    'core.v1.GCEPersistentDiskVolumeSource': {
        1: ('pdName', 'string', False), 2: ('fsType', 'string', False), 3: ('partition', 'int32', False),
        4: ('readOnly', 'bool', False),
    },
    'core.v1.GRPCAction': {
        1: ('port', 'int32', False), 2: ('service', 'string', False),
    },
    'core.v1.GitRepoVolumeSource': {
        1: ('repository', 'string', False), 2: ('revision', 'string', False), 3: ('directory', 'string', False),
    },
    'core.v1.GlusterfsVolumeSource': {
        1: ('endpoints', 'string', False), 2: ('path', 'string', False), 3: ('readOnly', 'bool', False),
    },
    'core.v1.HTTPGetAction': {
        1: ('path', 'string', False), 2: ('port', 'intstr', False), 3: ('host', 'string', False),
        4: ('scheme', 'string', False), 5: ('httpHeaders', 'core.v1.HTTPHeader', True),
    },
    'core.v1.HTTPHeader': {
        1: ('name', 'string', False), 2: ('value', 'string', False),
    },
    'core.v1.HostAlias': {
        1: ('ip', 'string', False), 2: ('hostnames', 'string', True),
    },
    'core.v1.HostPathVolumeSource': {
        1: ('path', 'string', False), 2: ('type', 'string', False),
    },
    'core.v1.ISCSIVolumeSource': {
        1: ('targetPortal', 'string', False), 2: ('iqn', 'string', False), 3: ('lun', 'int32', False),
        4: ('iscsiInterface', 'string', False), 5: ('fsType', 'string', False), 6: ('readOnly', 'bool', False),
        7: ('portals', 'string', True), 8: ('chapAuthDiscovery', 'bool', False),
        10: ('secretRef', 'core.v1.LocalObjectReference', False), 11: ('chapAuthSession', 'bool', False),
        12: ('initiatorName', 'string', False),
    },
    'core.v1.KeyToPath': {
        1: ('key', 'string', False), 2: ('path', 'string', False), 3: ('mode', 'int32', False),
    },
    'core.v1.Lifecycle': {
        1: ('postStart', 'core.v1.LifecycleHandler', False), 2: ('preStop', 'core.v1.LifecycleHandler', False),
    },
    'core.v1.LifecycleHandler': {
        1: ('exec', 'core.v1.ExecAction', False), 2: ('httpGet', 'core.v1.HTTPGetAction', False),
        3: ('tcpSocket', 'core.v1.TCPSocketAction', False),
    },
    'core.v1.LoadBalancerIngress': {
        1: ('ip', 'string', False), 2: ('hostname', 'string', False), 4: ('ports', 'core.v1.PortStatus', True),
    },
    'core.v1.LoadBalancerStatus': {
        1: ('ingress', 'core.v1.LoadBalancerIngress', True),
    },
    'core.v1.LocalObjectReference': {
        1: ('name', 'string', False),
    },
    'core.v1.NFSVolumeSource': {
        1: ('server', 'string', False), 2: ('path', 'string', False), 3: ('readOnly', 'bool', False),
    },
    'core.v1.Namespace': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('spec', 'core.v1.NamespaceSpec', False),
        3: ('status', 'core.v1.NamespaceStatus', False),
    },
    'core.v1.NamespaceCondition': {
        1: ('type', 'string', False), 2: ('status', 'string', False), 4: ('lastTransitionTime', 'time', False),
        5: ('reason', 'string', False), 6: ('message', 'string', False),
    },
    'core.v1.NamespaceSpec': {
        1: ('finalizers', 'string', True),
    },
    'core.v1.NamespaceStatus': {
        1: ('phase', 'string', False), 2: ('conditions', 'core.v1.NamespaceCondition', True),
    },
    'core.v1.NodeAffinity': {
        1: ('requiredDuringSchedulingIgnoredDuringExecution', 'core.v1.NodeSelector', False),
        2: ('preferredDuringSchedulingIgnoredDuringExecution', 'core.v1.PreferredSchedulingTerm', True),
    },
    'core.v1.NodeSelector': {
        1: ('nodeSelectorTerms', 'core.v1.NodeSelectorTerm', True),
    },
    'core.v1.NodeSelectorRequirement': {
        1: ('key', 'string', False), 2: ('operator', 'string', False), 3: ('values', 'string', True),
    },
    'core.v1.NodeSelectorTerm': {
        1: ('matchExpressions', 'core.v1.NodeSelectorRequirement', True),
        2: ('matchFields', 'core.v1.NodeSelectorRequirement', True),
    },
    'core.v1.ObjectFieldSelector': {
        1: ('apiVersion', 'string', False), 2: ('fieldPath', 'string', False),
    },
    'core.v1.ObjectReference': {
        1: ('kind', 'string', False), 2: ('namespace', 'string', False), 3: ('name', 'string', False),
        4: ('uid', 'string', False), 5: ('apiVersion', 'string', False), 6: ('resourceVersion', 'string', False),
        7: ('fieldPath', 'string', False),
    },
    'core.v1.PersistentVolumeClaimSpec': {
        1: ('accessModes', 'string', True), 2: ('resources', 'core.v1.ResourceRequirements', False),
        3: ('volumeName', 'string', False), 4: ('selector', 'meta.v1.LabelSelector', False),
        5: ('storageClassName', 'string', False), 6: ('volumeMode', 'string', False),
        7: ('dataSource', 'core.v1.TypedLocalObjectReference', False),
        8: ('dataSourceRef', 'core.v1.TypedObjectReference', False),
    },
    'core.v1.PersistentVolumeClaimTemplate': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('spec', 'core.v1.PersistentVolumeClaimSpec', False),
    },
    'core.v1.PersistentVolumeClaimVolumeSource': {
        1: ('claimName', 'string', False), 2: ('readOnly', 'bool', False),
    },
    'core.v1.PhotonPersistentDiskVolumeSource': {
        1: ('pdID', 'string', False), 2: ('fsType', 'string', False),
    },
    'core.v1.Pod': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('spec', 'core.v1.PodSpec', False),
        3: ('status', 'core.v1.PodStatus', False),
    },
    'core.v1.PodAffinity': {
        1: ('requiredDuringSchedulingIgnoredDuringExecution', 'core.v1.PodAffinityTerm', True),
        2: ('preferredDuringSchedulingIgnoredDuringExecution', 'core.v1.WeightedPodAffinityTerm', True),
    },
    'core.v1.PodAffinityTerm': {
        1: ('labelSelector', 'meta.v1.LabelSelector', False), 2: ('namespaces', 'string', True),
        3: ('topologyKey', 'string', False), 4: ('namespaceSelector', 'meta.v1.LabelSelector', False),
    },
    'core.v1.PodAntiAffinity': {
        1: ('requiredDuringSchedulingIgnoredDuringExecution', 'core.v1.PodAffinityTerm', True),
        2: ('preferredDuringSchedulingIgnoredDuringExecution', 'core.v1.WeightedPodAffinityTerm', True),
    },
    'core.v1.PodCondition': {
        1: ('type', 'string', False), 2: ('status', 'string', False), 3: ('lastProbeTime', 'time', False),
        4: ('lastTransitionTime', 'time', False), 5: ('reason', 'string', False), 6: ('message', 'string', False),
    },
    'core.v1.PodDNSConfig': {
        1: ('nameservers', 'string', True), 2: ('searches', 'string', True),
        3: ('options', 'core.v1.PodDNSConfigOption', True),
    },
    'core.v1.PodDNSConfigOption': {
        1: ('name', 'string', False), 2: ('value', 'string', False),
    },
    'core.v1.PodIP': {
        1: ('ip', 'string', False),
    },
    'core.v1.PodOS': {
        1: ('name', 'string', False),
    },
    'core.v1.PodReadinessGate': {
        1: ('conditionType', 'string', False),
    },
    'core.v1.PodResourceClaim': {
        1: ('name', 'string', False), 2: ('source', 'core.v1.ClaimSource', False),
    },
    'core.v1.PodSchedulingGate': {
        1: ('name', 'string', False),
    },
    'core.v1.PodSecurityContext': {
        1: ('seLinuxOptions', 'core.v1.SELinuxOptions', False), 2: ('runAsUser', 'int64', False),
        3: ('runAsNonRoot', 'bool', False), 4: ('supplementalGroups', 'int64', True), 5: ('fsGroup', 'int64', False),
        6: ('runAsGroup', 'int64', False), 7: ('sysctls', 'core.v1.Sysctl', True),
        8: ('windowsOptions', 'core.v1.WindowsSecurityContextOptions', False),
        9: ('fsGroupChangePolicy', 'string', False), 10: ('seccompProfile', 'core.v1.SeccompProfile', False),
    },
    'core.v1.PodSpec': {
        1: ('volumes', 'core.v1.Volume', True), 2: ('containers', 'core.v1.Container', True),
        3: ('restartPolicy', 'string', False), 4: ('terminationGracePeriodSeconds', 'int64', False),
        5: ('activeDeadlineSeconds', 'int64', False), 6: ('dnsPolicy', 'string', False),
        7: ('nodeSelector', 'map:string', False), 8: ('serviceAccountName', 'string', False),
        9: ('serviceAccount', 'string', False), 10: ('nodeName', 'string', False),
        11: ('hostNetwork', 'bool', False), 12: ('hostPID', 'bool', False), 13: ('hostIPC', 'bool', False),
        14: ('securityContext', 'core.v1.PodSecurityContext', False),
        15: ('imagePullSecrets', 'core.v1.LocalObjectReference', True), 16: ('hostname', 'string', False),
        17: ('subdomain', 'string', False), 18: ('affinity', 'core.v1.Affinity', False),
        19: ('schedulerName', 'string', False), 20: ('initContainers', 'core.v1.Container', True),
        21: ('automountServiceAccountToken', 'bool', False), 22: ('tolerations', 'core.v1.Toleration', True),
        23: ('hostAliases', 'core.v1.HostAlias', True), 24: ('priorityClassName', 'string', False),
        25: ('priority', 'int32', False), 26: ('dnsConfig', 'core.v1.PodDNSConfig', False),
        27: ('shareProcessNamespace', 'bool', False), 28: ('readinessGates', 'core.v1.PodReadinessGate', True),
        29: ('runtimeClassName', 'string', False), 30: ('enableServiceLinks', 'bool', False),
        31: ('preemptionPolicy', 'string', False), 32: ('overhead', 'map:quantity', False),
        33: ('topologySpreadConstraints', 'core.v1.TopologySpreadConstraint', True),
        34: ('ephemeralContainers', 'core.v1.EphemeralContainer', True), 35: ('setHostnameAsFQDN', 'bool', False),
        36: ('os', 'core.v1.PodOS', False), 37: ('hostUsers', 'bool', False),
        38: ('schedulingGates', 'core.v1.PodSchedulingGate', True),
        39: ('resourceClaims', 'core.v1.PodResourceClaim', True),
    },
    'core.v1.PodStatus': {
        1: ('phase', 'string', False), 2: ('conditions', 'core.v1.PodCondition', True),
        3: ('message', 'string', False), 4: ('reason', 'string', False), 5: ('hostIP', 'string', False),
        6: ('podIP', 'string', False), 7: ('startTime', 'time', False),
        8: ('containerStatuses', 'core.v1.ContainerStatus', True), 9: ('qosClass', 'string', False),
        10: ('initContainerStatuses', 'core.v1.ContainerStatus', True), 11: ('nominatedNodeName', 'string', False),
        12: ('podIPs', 'core.v1.PodIP', True), 13: ('ephemeralContainerStatuses', 'core.v1.ContainerStatus', True),
    },
    'core.v1.PodTemplateSpec': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('spec', 'core.v1.PodSpec', False),
    },
    'core.v1.PortStatus': {
        1: ('port', 'int32', False), 2: ('protocol', 'string', False), 3: ('error', 'string', False),
    },
    'core.v1.PortworxVolumeSource': {
        1: ('volumeID', 'string', False), 2: ('fsType', 'string', False), 3: ('readOnly', 'bool', False),
    },
    'core.v1.PreferredSchedulingTerm': {
        1: ('weight', 'int32', False), 2: ('preference', 'core.v1.NodeSelectorTerm', False),
    },
    'core.v1.Probe': {
        1: ('', 'core.v1.ProbeHandler', False), 2: ('initialDelaySeconds', 'int32', False),
        3: ('timeoutSeconds', 'int32', False), 4: ('periodSeconds', 'int32', False),
        5: ('successThreshold', 'int32', False), 6: ('failureThreshold', 'int32', False),
        7: ('terminationGracePeriodSeconds', 'int64', False),
    },
    'core.v1.ProbeHandler': {
        1: ('exec', 'core.v1.ExecAction', False), 2: ('httpGet', 'core.v1.HTTPGetAction', False),
        3: ('tcpSocket', 'core.v1.TCPSocketAction', False), 4: ('grpc', 'core.v1.GRPCAction', False),
    },
    'core.v1.ProjectedVolumeSource': {
        1: ('sources', 'core.v1.VolumeProjection', True), 2: ('defaultMode', 'int32', False),
    },
    'core.v1.QuobyteVolumeSource': {
        1: ('registry', 'string', False), 2: ('volume', 'string', False), 3: ('readOnly', 'bool', False),
        4: ('user', 'string', False), 5: ('group', 'string', False), 6: ('tenant', 'string', False),
    },
    'core.v1.RBDVolumeSource': {
        1: ('monitors', 'string', True), 2: ('image', 'string', False), 3: ('fsType', 'string', False),
        4: ('pool', 'string', False), 5: ('user', 'string', False), 6: ('keyring', 'string', False),
        7: ('secretRef', 'core.v1.LocalObjectReference', False), 8: ('readOnly', 'bool', False),
    },
    'core.v1.ResourceClaim': {
        1: ('name', 'string', False),
    },
    'core.v1.ResourceFieldSelector': {
        1: ('containerName', 'string', False), 2: ('resource', 'string', False), 3: ('divisor', 'quantity', False),
    },
    'core.v1.ResourceRequirements': {
        1: ('limits', 'map:quantity', False), 2: ('requests', 'map:quantity', False),
        3: ('claims', 'core.v1.ResourceClaim', True),
    },
    'core.v1.SELinuxOptions': {
        1: ('user', 'string', False), 2: ('role', 'string', False), 3: ('type', 'string', False),
        4: ('level', 'string', False),
    },
    'core.v1.ScaleIOVolumeSource': {
        1: ('gateway', 'string', False), 2: ('system', 'string', False),
        3: ('secretRef', 'core.v1.LocalObjectReference', False), 4: ('sslEnabled', 'bool', False),
        5: ('protectionDomain', 'string', False), 6: ('storagePool', 'string', False),
        7: ('storageMode', 'string', False), 8: ('volumeName', 'string', False), 9: ('fsType', 'string', False),
        10: ('readOnly', 'bool', False),
    },
    'core.v1.SeccompProfile': {
        1: ('type', 'string', False), 2: ('localhostProfile', 'string', False),
    },
    'core.v1.Secret': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('data', 'map:bytes', False), 3: ('type', 'string', False),
        4: ('stringData', 'map:string', False), 5: ('immutable', 'bool', False),
    },
    'core.v1.SecretEnvSource': {
        1: ('', 'core.v1.LocalObjectReference', False), 2: ('optional', 'bool', False),
    },
    'core.v1.SecretKeySelector': {
        1: ('', 'core.v1.LocalObjectReference', False), 2: ('key', 'string', False),
        3: ('optional', 'bool', False),
    },
    'core.v1.SecretProjection': {
        1: ('', 'core.v1.LocalObjectReference', False), 2: ('items', 'core.v1.KeyToPath', True),
        4: ('optional', 'bool', False),
    },
    'core.v1.SecretVolumeSource': {
        1: ('secretName', 'string', False), 2: ('items', 'core.v1.KeyToPath', True),
        3: ('defaultMode', 'int32', False), 4: ('optional', 'bool', False),
    },
    'core.v1.SecurityContext': {
        1: ('capabilities', 'core.v1.Capabilities', False), 2: ('privileged', 'bool', False),
        3: ('seLinuxOptions', 'core.v1.SELinuxOptions', False), 4: ('runAsUser', 'int64', False),
        5: ('runAsNonRoot', 'bool', False), 6: ('readOnlyRootFilesystem', 'bool', False),
        7: ('allowPrivilegeEscalation', 'bool', False), 8: ('runAsGroup', 'int64', False),
        9: ('procMount', 'string', False), 10: ('windowsOptions', 'core.v1.WindowsSecurityContextOptions', False),
        11: ('seccompProfile', 'core.v1.SeccompProfile', False),
    },
    'core.v1.Service': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('spec', 'core.v1.ServiceSpec', False),
        3: ('status', 'core.v1.ServiceStatus', False),
    },
    'core.v1.ServiceAccount': {
        1: ('metadata', 'meta.v1.ObjectMeta', False), 2: ('secrets', 'core.v1.ObjectReference', True),
        3: ('imagePullSecrets', 'core.v1.LocalObjectReference', True),
        4: ('automountServiceAccountToken', 'bool', False),
    },
    'core.v1.ServiceAccountTokenProjection': {
        1: ('audience', 'string', False), 2: ('expirationSeconds', 'int64', False), 3: ('path', 'string', False),
    },
    'core.v1.ServicePort': {
        1: ('name', 'string', False), 2: ('protocol', 'string', False), 3: ('port', 'int32', False),
        4: ('targetPort', 'intstr', False), 5: ('nodePort', 'int32', False), 6: ('appProtocol', 'string', False),
    },
    'core.v1.ServiceSpec': {
        1: ('ports', 'core.v1.ServicePort', True), 2: ('selector', 'map:string', False),
        3: ('clusterIP', 'string', False), 4: ('type', 'string', False), 5: ('externalIPs', 'string', True),
        7: ('sessionAffinity', 'string', False), 8: ('loadBalancerIP', 'string', False),
        9: ('loadBalancerSourceRanges', 'string', True), 10: ('externalName', 'string', False),
        11: ('externalTrafficPolicy', 'string', False), 12: ('healthCheckNodePort', 'int32', False),
        13: ('publishNotReadyAddresses', 'bool', False),
        14: ('sessionAffinityConfig', 'core.v1.SessionAffinityConfig', False),
        17: ('ipFamilyPolicy', 'string', False), 18: ('clusterIPs', 'string', True),
        19: ('ipFamilies', 'string', True), 20: ('allocateLoadBalancerNodePorts', 'bool', False),
        21: ('loadBalancerClass', 'string', False), 22: ('internalTrafficPolicy', 'string', False),
    },
    'core.v1.ServiceStatus': {
        1: ('loadBalancer', 'core.v1.LoadBalancerStatus', False), 2: ('conditions', 'meta.v1.Condition', True),
    },
    'core.v1.SessionAffinityConfig': {
        1: ('clientIP', 'core.v1.ClientIPConfig', False),
    },
    'core.v1.StorageOSVolumeSource': {
        1: ('volumeName', 'string', False), 2: ('volumeNamespace', 'string', False), 3: ('fsType', 'string', False),
        4: ('readOnly', 'bool', False), 5: ('secretRef', 'core.v1.LocalObjectReference', False),
    },
    'core.v1.Sysctl': {
        1: ('name', 'string', False), 2: ('value', 'string', False),
    },
    'core.v1.TCPSocketAction': {
        1: ('port', 'intstr', False), 2: ('host', 'string', False),
    },
    'core.v1.Toleration': {
        1: ('key', 'string', False), 2: ('operator', 'string', False), 3: ('value', 'string', False),
        4: ('effect', 'string', False), 5: ('tolerationSeconds', 'int64', False),
    },
    'core.v1.TopologySpreadConstraint': {
        1: ('maxSkew', 'int32', False), 2: ('topologyKey', 'string', False),
        3: ('whenUnsatisfiable', 'string', False), 4: ('labelSelector', 'meta.v1.LabelSelector', False),
        5: ('minDomains', 'int32', False), 6: ('nodeAffinityPolicy', 'string', False),
        7: ('nodeTaintsPolicy', 'string', False), 8: ('matchLabelKeys', 'string', True),
    },
    'core.v1.TypedLocalObjectReference': {
        1: ('apiGroup', 'string', False), 2: ('kind', 'string', False), 3: ('name', 'string', False),
    },
    'core.v1.TypedObjectReference': {
        1: ('apiGroup', 'string', False), 2: ('kind', 'string', False), 3: ('name', 'string', False),
        4: ('namespace', 'string', False),
    },
    'core.v1.Volume': {
        1: ('name', 'string', False), 2: ('', 'core.v1.VolumeSource', False),
    },
    'core.v1.VolumeDevice': {
        1: ('name', 'string', False), 2: ('devicePath', 'string', False),
    },
    'core.v1.VolumeMount': {
        1: ('name', 'string', False), 2: ('readOnly', 'bool', False), 3: ('mountPath', 'string', False),
        4: ('subPath', 'string', False), 5: ('mountPropagation', 'string', False),
        6: ('subPathExpr', 'string', False),
    },
    'core.v1.VolumeProjection': {
        1: ('secret', 'core.v1.SecretProjection', False), 2: ('downwardAPI', 'core.v1.DownwardAPIProjection', False),
        3: ('configMap', 'core.v1.ConfigMapProjection', False),
        4: ('serviceAccountToken', 'core.v1.ServiceAccountTokenProjection', False),
    },
    'core.v1.VolumeSource': {
        1: ('hostPath', 'core.v1.HostPathVolumeSource', False),
        2: ('emptyDir', 'core.v1.EmptyDirVolumeSource', False),
        3: ('gcePersistentDisk', 'core.v1.GCEPersistentDiskVolumeSource', False),
        4: ('awsElasticBlockStore', 'core.v1.AWSElasticBlockStoreVolumeSource', False),
        5: ('gitRepo', 'core.v1.GitRepoVolumeSource', False), 6: ('secret', 'core.v1.SecretVolumeSource', False),
        7: ('nfs', 'core.v1.NFSVolumeSource', False), 8: ('iscsi', 'core.v1.ISCSIVolumeSource', False),
        9: ('glusterfs', 'core.v1.GlusterfsVolumeSource', False),
        10: ('persistentVolumeClaim', 'core.v1.PersistentVolumeClaimVolumeSource', False),
        11: ('rbd', 'core.v1.RBDVolumeSource', False), 12: ('flexVolume', 'core.v1.FlexVolumeSource', False),
        13: ('cinder', 'core.v1.CinderVolumeSource', False), 14: ('cephfs', 'core.v1.CephFSVolumeSource', False),
        15: ('flocker', 'core.v1.FlockerVolumeSource', False),
        16: ('downwardAPI', 'core.v1.DownwardAPIVolumeSource', False), 17: ('fc', 'core.v1.FCVolumeSource', False),
        18: ('azureFile', 'core.v1.AzureFileVolumeSource', False),
        19: ('configMap', 'core.v1.ConfigMapVolumeSource', False),
        20: ('vsphereVolume', 'core.v1.VsphereVirtualDiskVolumeSource', False),
        21: ('quobyte', 'core.v1.QuobyteVolumeSource', False),
        22: ('azureDisk', 'core.v1.AzureDiskVolumeSource', False),
        23: ('photonPersistentDisk', 'core.v1.PhotonPersistentDiskVolumeSource', False),
        24: ('portworxVolume', 'core.v1.PortworxVolumeSource', False),
        25: ('scaleIO', 'core.v1.ScaleIOVolumeSource', False),
        26: ('projected', 'core.v1.ProjectedVolumeSource', False),
        27: ('storageos', 'core.v1.StorageOSVolumeSource', False), 28: ('csi', 'core.v1.CSIVolumeSource', False),
        29: ('ephemeral', 'core.v1.EphemeralVolumeSource', False),
    },
    'core.v1.VsphereVirtualDiskVolumeSource': {
        1: ('volumePath', 'string', False), 2: ('fsType', 'string', False),
        3: ('storagePolicyName', 'string', False), 4: ('storagePolicyID', 'string', False),
    },
    'core.v1.WeightedPodAffinityTerm': {
        1: ('weight', 'int32', False), 2: ('podAffinityTerm', 'core.v1.PodAffinityTerm', False),
    },
    'core.v1.WindowsSecurityContextOptions': {
        1: ('gmsaCredentialSpecName', 'string', False), 2: ('gmsaCredentialSpec', 'string', False),
        3: ('runAsUserName', 'string', False), 4: ('hostProcess', 'bool', False),
    },
    'meta.v1.Condition': {
        1: ('type', 'string', False), 2: ('status', 'string', False), 3: ('observedGeneration', 'int64', False),
        4: ('lastTransitionTime', 'time', False), 5: ('reason', 'string', False), 6: ('message', 'string', False),
    },
    'meta.v1.LabelSelector': {
        1: ('matchLabels', 'map:string', False), 2: ('matchExpressions', 'meta.v1.LabelSelectorRequirement', True),
    },
    'meta.v1.LabelSelectorRequirement': {
        1: ('key', 'string', False), 2: ('operator', 'string', False), 3: ('values', 'string', True),
    },
    'meta.v1.ManagedFieldsEntry': {
        1: ('manager', 'string', False), 2: ('operation', 'string', False), 3: ('apiVersion', 'string', False),
        4: ('time', 'time', False), 6: ('fieldsType', 'string', False), 7: ('fieldsV1', 'raw', False),
        8: ('subresource', 'string', False),
    },
    'meta.v1.ObjectMeta': {
        1: ('name', 'string', False), 2: ('generateName', 'string', False), 3: ('namespace', 'string', False),
        4: ('selfLink', 'string', False), 5: ('uid', 'string', False), 6: ('resourceVersion', 'string', False),
        7: ('generation', 'int64', False), 8: ('creationTimestamp', 'time', False),
        9: ('deletionTimestamp', 'time', False), 10: ('deletionGracePeriodSeconds', 'int64', False),
        11: ('labels', 'map:string', False), 12: ('annotations', 'map:string', False),
        13: ('ownerReferences', 'meta.v1.OwnerReference', True), 14: ('finalizers', 'string', True),
        17: ('managedFields', 'meta.v1.ManagedFieldsEntry', True),
    },
    'meta.v1.OwnerReference': {
        1: ('kind', 'string', False), 3: ('name', 'string', False), 4: ('uid', 'string', False),
        5: ('apiVersion', 'string', False), 6: ('controller', 'bool', False),
        7: ('blockOwnerDeletion', 'bool', False),
    },
}
