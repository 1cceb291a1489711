#!/usr/bin/env bash
# Installs every Debian 12 package redline needs to build, test and benchmark.
# Idempotent: packages already present are skipped by apt-get. Run as root.
set -euo pipefail
packages=(
  build-essential cmake pkg-config ninja-build
  libcurl4-openssl-dev zlib1g-dev libdeflate-dev libpugixml-dev libsqlite3-dev sqlite3 libspdlog-dev libfmt-dev
  libboost-dev libboost-system-dev libgtest-dev libgmock-dev
  libtomlplusplus-dev nlohmann-json3-dev libre2-dev libcli11-dev libsystemd-dev libssl-dev
  libjemalloc-dev
  python3 python3-aiosmtpd curl ca-certificates openssl gzip time util-linux coreutils
)
# Extras: --bench (benchmarks and the tools they compare with), --fuzz (libFuzzer with clang).
for arg in "$@"; do
  case $arg in
    --bench) packages+=(libbenchmark-dev nginx newsboat python3-feedparser time) ;;
    --fuzz) packages+=(clang libclang-rt-14-dev) ;;
    *) echo "usage: $0 [--bench] [--fuzz]" >&2; exit 64 ;;
  esac
done
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
