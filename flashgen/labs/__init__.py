"""Hands-on labs: lab files, the declarative check engine, the verifier and its reports."""

from flashgen.labs import policy_conditions  # noqa: F401  (registers the policy labs' conditions)
from flashgen.labs.loader import LabError, default_labs_dir, find_lab, load_lab, load_labs, load_manifest_file
from flashgen.labs.model import Check, Lab, Step
from flashgen.labs.results import CheckResult, Finding, LabResult
from flashgen.labs.runner import verify

__all__ = ["Check", "CheckResult", "Finding", "Lab", "LabError", "LabResult", "Step", "default_labs_dir",
           "find_lab", "load_lab", "load_labs", "load_manifest_file", "verify"]
