# A real Kubernetes control plane for tests (etcd, kube-apiserver,
# kube-controller-manager, kube-scheduler, kwok, helm), built from the Go module
# proxy into $(OVC_CACHE)/k8s/<versions key> and reused by every clone on this
# machine. See testenv/kubernetes/README.md.
K8S_ENV_DIR := $(ROOT)/testenv/kubernetes

.PHONY: k8s-build k8s-env test-k8s

# Recipes are silent (@): build.sh reports on stderr, and k8s-env's stdout
# carries the KUBECONFIG=<path> line.
k8s-build: ## build (or reuse) the test control plane binaries (cold: 10-27 min on 2 cores)
	@$(K8S_ENV_DIR)/build/build.sh

# tsx is run directly (not through pnpm) so Ctrl-C/SIGTERM reach the harness,
# which stops every process it started; KUBECONFIG=<path> is its only stdout line.
k8s-env: install k8s-build ## run a local control plane in the foreground; prints KUBECONFIG=<path>
	@cd $(K8S_ENV_DIR) && exec ./node_modules/.bin/tsx bin/k8s-env.ts

test-k8s: install k8s-build ## smoke tests against a real control plane (started once per run)
	$(PNPM) --filter @open-vcluster/testenv-kubernetes run test:k8s
