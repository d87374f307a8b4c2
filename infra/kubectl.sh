#!/usr/bin/env bash
# Runs kubectl with the given arguments (k8s/ renders its overlays with it), installing Debian's
# kubernetes-client first when kubectl is missing. The overlays need kustomize v4 or later, i.e.
# kubectl 1.21+: an older kubectl is reported instead of failing on the manifests.
set -euo pipefail

if ! command -v kubectl >/dev/null 2>&1; then
  echo "kubectl not found: installing the Debian package kubernetes-client" >&2
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo=sudo
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq kubernetes-client >&2
fi

if [[ ${1:-} == kustomize ]]; then
  minor=$(kubectl version --client -o json 2>/dev/null | sed -n 's/.*"minor": *"\([0-9]*\).*/\1/p' | head -n1)
  if [[ -n $minor && $minor -lt 21 ]]; then
    echo "kubectl 1.$minor embeds kustomize v2, which cannot render k8s/ (components, labels," \
      "--load-restrictor): install kubectl 1.21 or later" >&2
    exit 1
  fi
fi

exec kubectl "$@"
