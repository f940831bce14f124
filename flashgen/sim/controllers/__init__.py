"""The controllers of the simulated kube-controller-manager, one module each."""
