"""Kubernetes' published JSON schemas (strict, 1.33) from kubernetes-validate, each kind loaded once, with the one
`format` the API server enforces as it decodes (`byte`: base64)."""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
from typing import Any

from flashgen.kube.values import base64_problem

SCHEMA_VERSION = "1.33"
# groups whose kinds are questions the API server answers (SubjectAccessReview, TokenReview), never stored, so
# asked without a name
REVIEW_GROUPS = frozenset({"authentication.k8s.io", "authorization.k8s.io"})


@functools.lru_cache(maxsize=128)
def validator(api_version: str, kind: str) -> Any:
    """A jsonschema validator for one kind. kubernetes_validate.validate() reads and parses the schema
    files on every call (milliseconds each); this reads them once. Raises kubernetes-validate's
    SchemaNotFoundError for kinds it has no schema for (custom resources)."""
    import jsonschema
    from kubernetes_validate import utils as kvu
    from referencing import Registry, Resource

    api = re.sub(r"^([^./]*)(?:\.[^/]*)?/", r"\1-", api_version)
    folder = _strict_folder()
    try:
        schema = kvu.schema_contents(f"{folder}/{kind.lower()}-{api}.json", SCHEMA_VERSION)
    except FileNotFoundError:
        raise kvu.SchemaNotFoundError(version=SCHEMA_VERSION, kind=kind, api_version=api_version) from None
    definitions = _definitions(folder)
    registry = Resource.from_contents(definitions) @ (Resource.from_contents(schema) @ Registry())
    return jsonschema.validators.Draft202012Validator(schema, registry=registry, format_checker=_formats())


@functools.lru_cache(maxsize=1)
def _formats() -> Any:
    """The formats checked: only `byte` (a Secret's `data`, a ConfigMap's `binaryData`, a `caBundle`), which the API
    server decodes as base64 and refuses when it is not; the others (`int32`, `date-time` …) it reads by type."""
    import jsonschema

    checker = jsonschema.FormatChecker(formats=())
    checker.checks("byte")(lambda value: not isinstance(value, str) or base64_problem(value) is None)
    return checker


def takes_name(api_version: str, kind: str) -> bool:
    """Whether the API server stores objects of this kind under a name it asks for (`metadata.name` or
    `generateName`): every kind it serves at that apiVersion, but the reviews it only answers. False for a kind it
    does not serve there (a custom resource, a configuration file's kind such as KubeletConfiguration or
    Kustomization) and for a list."""
    from kubernetes_validate import utils as kvu

    if api_version.rpartition("/")[0] in REVIEW_GROUPS:
        return False
    try:
        metadata = (validator(api_version, kind).schema.get("properties") or {}).get("metadata") or {}
    except kvu.SchemaNotFoundError:
        return False
    return str(metadata.get("$ref", "")).endswith(".ObjectMeta")


@functools.lru_cache(maxsize=128)
def served_versions(kind: str) -> tuple[str, ...]:
    """The apiVersions Kubernetes serves a kind of its own API from (`Deployment` → `apps/v1`), read from the
    `x-kubernetes-group-version-kind` of its schemas; none for a kind it does not know (a custom resource)."""
    folder = importlib.resources.files("kubernetes_validate") / _strict_folder()
    found = []
    for entry in folder.iterdir():
        if entry.name.startswith(f"{kind.lower()}-") and entry.name.endswith(".json"):
            for gvk in json.loads(entry.read_text(encoding="utf-8")).get("x-kubernetes-group-version-kind", ()):
                if gvk.get("kind") == kind:
                    found.append(f"{gvk['group']}/{gvk['version']}" if gvk.get("group") else gvk["version"])
    return tuple(sorted(set(found)))


@functools.lru_cache(maxsize=1)
def served_groups() -> tuple[str, ...]:
    """The API groups of Kubernetes' own kinds (`""` for the core group, `apps`, `networking.k8s.io`, …), read from
    the `x-kubernetes-group-version-kind` of its schemas' definitions."""
    definitions = _definitions(_strict_folder()).get("$defs", {})
    return tuple(sorted({gvk.get("group", "") for definition in definitions.values() if isinstance(definition, dict)
                         for gvk in definition.get("x-kubernetes-group-version-kind", ())}))


@functools.lru_cache(maxsize=1)
def _strict_folder() -> str:
    """The folder of kubernetes-validate's strict schemas for SCHEMA_VERSION (the newest it has up to that)."""
    from kubernetes_validate import utils as kvu

    version = [v for v in kvu.all_versions() if kvu.major_minor(v) <= kvu.major_minor(SCHEMA_VERSION)][-1]
    return f"kubernetes-json-schema/v{version}-local-strict"


@functools.lru_cache(maxsize=2)
def _definitions(folder: str) -> Any:
    from kubernetes_validate import utils as kvu

    return kvu.schema_contents(f"{folder}/_definitions.json", SCHEMA_VERSION)


def validate(obj: dict[str, Any]) -> None:
    """Raise what `kubernetes_validate.validate(obj, "1.33", strict=True)` raises, from cached schemas."""
    import jsonschema
    from kubernetes_validate.utils import ValidationError

    try:
        validator(obj["apiVersion"], obj["kind"]).validate(obj)
    except jsonschema.ValidationError as exc:
        raise ValidationError(exc, version=SCHEMA_VERSION) from None


def errors(obj: dict[str, Any]) -> list[Any]:
    """Every schema error of an object (jsonschema errors), none when it is valid."""
    return list(validator(obj["apiVersion"], obj["kind"]).iter_errors(obj))
