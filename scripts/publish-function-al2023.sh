#!/usr/bin/env bash
# Publishes the function (artifacts/counter-lambda.zip) on Amazon Linux 2023, the OS of provided.al2023,
# so `bootstrap` needs no glibc newer than its 2.34 whatever the host has. A build on a newer glibc
# (Ubuntu 24.04, GitHub's ubuntu-latest: 2.39) binds e.g. fmod to GLIBC_2.38 and cannot start in Lambda;
# the deploy refuses such a package (Deploy/FunctionPackageCheck.cs).
#
#   scripts/publish-function-al2023.sh [x86_64|arm64]
#
# Inside Amazon Linux 2023 (CI's container job, .github/workflows/deploy.yml) it installs what Native AOT
# needs and publishes. Anywhere else it runs itself in the amazonlinux:2023 image with docker or podman,
# for the host's own CPU (arm64 on an x64 host: QEMU binfmt, slow, or an arm64 machine).
set -euo pipefail
cd "$(dirname "$0")/.."
architecture=${1:-x86_64}
case "$architecture" in
  x86_64) rid=linux-x64 platform=linux/amd64 ;;
  arm64) rid=linux-arm64 platform=linux/arm64 ;;
  *) echo "architecture must be x86_64 or arm64, not $architecture" >&2; exit 2 ;;
esac
image=public.ecr.aws/amazonlinux/amazonlinux:2023

if grep -qs 'PLATFORM_ID="platform:al2023"' /etc/os-release; then
  # clang links Native AOT; the SDK itself needs ICU unless globalization is invariant.
  dnf install -y -q --setopt=install_weak_deps=False clang lld tar gzip findutils libicu >/dev/null
  if ! command -v dotnet >/dev/null; then
    echo "dotnet (the .NET SDK of global.json) is required: actions/setup-dotnet in CI, or dnf/dotnet-install locally" >&2
    exit 2
  fi
  dotnet publish Counter.Lambda -c Release -r "$rid" -nologo
  echo "glibc of this build: $(ldd --version | head -1)"
  exit 0
fi

engine=$(command -v docker || command -v podman || true)
if [ -z "$engine" ]; then
  echo "Not on Amazon Linux 2023 and neither docker nor podman is installed: build in CI (.github/workflows/deploy.yml)" >&2
  echo "or on a machine whose glibc is older than 2.38 (Debian 12 gives a bootstrap needing 2.34; the deploy checks it either way)." >&2
  exit 2
fi
exec "$engine" run --rm --platform "$platform" -v "$PWD:/src" -w /src \
  -e DOTNET_CLI_TELEMETRY_OPTOUT=1 -e DOTNET_INSTALL_DIR=/src/.dotnet-al2023 "$image" \
  bash -c 'dnf install -y -q tar gzip findutils libicu >/dev/null && curl -sSL https://dot.net/v1/dotnet-install.sh | bash -s -- --jsonfile global.json --install-dir "$DOTNET_INSTALL_DIR" >/dev/null && PATH="$DOTNET_INSTALL_DIR:$PATH" scripts/publish-function-al2023.sh '"$architecture"
