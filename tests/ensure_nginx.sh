#!/usr/bin/env bash
# The nginx deployment test (tests/deploy/test_nginx.py) runs Debian's nginx binary in the
# foreground from a temporary folder; install it when missing. The package's own service is
# never started by the tests (and the package is installed without starting it).
set -u
for c in /usr/sbin/nginx /usr/bin/nginx; do
  [ -x "$c" ] && exit 0
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Memasang nginx (Debian) untuk uji penerapan / installing Debian's nginx for the deployment test"
  export DEBIAN_FRONTEND=noninteractive
  # policy-rc.d exit 101: the package's postinst must not start the system nginx service.
  policy=/usr/sbin/policy-rc.d
  made_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && made_policy=1
  fi
  apt-get update -qq && apt-get install -y -qq nginx >/dev/null
  ok=$?
  [ "$made_policy" = 1 ] && rm -f "$policy"
  [ "$ok" = 0 ] && exit 0
fi
echo "nginx tidak tersedia: uji penerapan nginx akan dilewati / nginx not available: the nginx deployment test will be skipped"
exit 0
