#!/usr/bin/env bash
# Installs what `dotnet publish Counter.Lambda -c Release -r linux-arm64` needs on an x64 Debian/Ubuntu
# machine (Native AOT links with the target's C runtime), and qemu-user to run the result:
#   clang                        the cross linker (the ILCompiler passes --target=aarch64-linux-gnu)
#   gcc-aarch64-linux-gnu        libgcc for aarch64 (clang finds the cross GCC by its target triple)
#   libc6-dev-arm64-cross        aarch64 glibc: crt objects, libm, libdl, librt to link against
#   binutils-aarch64-linux-gnu   aarch64-linux-gnu-objcopy for StripSymbols
#   qemu-user                    qemu-aarch64, to run the arm64 bootstrap on this machine
#   libssl3:arm64                OpenSSL for AArch64 (multiarch), which .NET loads at run time for TLS and
#                                hashing, as provided.al2023 has it; without it the bootstrap aborts under qemu
# Idempotent: installs only what is missing. Root or sudo.
set -euo pipefail

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  $sudo dpkg --add-architecture arm64
  $sudo apt-get update -qq
fi
# Debian 12 names it libssl3; Ubuntu 24.04 libssl3t64.
ssl=libssl3
if apt-cache show libssl3t64:arm64 >/dev/null 2>&1; then ssl=libssl3t64; fi

packages=(clang gcc-aarch64-linux-gnu libc6-dev-arm64-cross binutils-aarch64-linux-gnu qemu-user "$ssl:arm64")
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "arm64 toolchain: already installed (${packages[*]})"
  exit 0
fi
echo "arm64 toolchain: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
