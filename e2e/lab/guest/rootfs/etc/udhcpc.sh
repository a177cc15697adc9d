#!/bin/sh
# udhcpc -s script: applies a lease (busybox passes $interface, $ip, $mask = prefix length,
# $router, $dns) and prints each new lease on the console as one line that tests parse:
#   labdeck-guest: lease eth0 52:54:00:12:34:56 192.168.122.57/24
lease=/run/lease.$interface
case $1 in
  deconfig)
    ip -4 addr flush dev "$interface"
    ip link set "$interface" up
    rm -f "$lease"
    ;;
  bound | renew)
    if [ "$(cat "$lease" 2>/dev/null)" != "$ip/$mask" ]; then
      ip -4 addr flush dev "$interface"
      ip addr add "$ip/$mask" broadcast + dev "$interface"
      echo "$ip/$mask" >"$lease"
      echo "labdeck-guest: lease $interface $(cat /sys/class/net/$interface/address) $ip/$mask" >/dev/console
    fi
    # The first NIC with a router gets the default route (static gateways were set before).
    set -- $router
    if [ -n "${1:-}" ] && ! ip route show default | grep -q .; then
      ip route add default via "$1" dev "$interface"
    fi
    for d in $dns; do grep -qx "nameserver $d" /etc/resolv.conf 2>/dev/null || echo "nameserver $d" >>/etc/resolv.conf; done
    ;;
esac
exit 0
