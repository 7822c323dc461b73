#!/usr/bin/env bash
# Makes a PKCS12 key store for vnetlab's Artery TLS: one RSA key pair with a self-signed
# certificate, which is also the store's only trust anchor. Give every node of one cluster a copy
# of the same file; a node with a store made by another run of this script cannot join.
#
#   scripts/make-test-keystore.sh FILE [COMMON-NAME]
#
# The password is $VNETLAB_TLS_PASSWORD (the nodes read the same variable). For tests only: a
# production cluster wants certificates from a real CA and a password kept out of shell history.
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 FILE [COMMON-NAME]" >&2
  exit 2
fi
file="$1"
cn="${2:-vnetlab-test}"
: "${VNETLAB_TLS_PASSWORD:?set VNETLAB_TLS_PASSWORD to the password for the new key store}"
if [ -e "$file" ]; then
  echo "$0: $file exists; not overwriting it" >&2
  exit 1
fi
keytool -genkeypair -alias vnetlab -keyalg RSA -keysize 2048 -validity 365 -dname "CN=$cn" \
  -storetype PKCS12 -keystore "$file" -storepass:env VNETLAB_TLS_PASSWORD -keypass:env VNETLAB_TLS_PASSWORD \
  -noprompt >/dev/null 2>&1
echo "wrote $file (CN=$cn)"
