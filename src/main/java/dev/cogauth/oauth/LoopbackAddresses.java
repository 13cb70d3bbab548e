package dev.cogauth.oauth;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The addresses a browser may connect to for a loopback redirect host, which cogauth must all hold: a browser
 * resolves {@code localhost} to 127.0.0.1 and ::1 itself (Chromium tries ::1 first), so a port held on only one
 * of them leaves the other to any local process, which would receive the redirect and its code.
 */
final class LoopbackAddresses {
    private static final InetAddress IPV4 = literal(new byte[] {127, 0, 0, 1});
    private static final InetAddress IPV6 = literal(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});

    private LoopbackAddresses() {
    }

    /**
     * For {@code localhost}: 127.0.0.1, ::1 when this machine has it, and any other loopback address the name
     * resolves to here; for a literal loopback address, that address.
     *
     * @throws IllegalArgumentException when {@code host} is not a loopback host
     */
    static List<InetAddress> of(String host) {
        if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
            Set<InetAddress> addresses = new LinkedHashSet<>();
            addresses.add(IPV4);
            if (hasIpv6Loopback()) {
                addresses.add(IPV6);
            }
            try {
                for (InetAddress address : InetAddress.getAllByName(host)) {
                    if (address.isLoopbackAddress()) {
                        addresses.add(address);
                    }
                }
            } catch (UnknownHostException unresolvable) {
                // The fixed addresses above are what browsers use anyway.
            }
            return List.copyOf(addresses);
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException(host + " is not a loopback address: cogauth listens on loopback only");
            }
            return List.of(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(host + " is not a loopback address: cogauth listens on loopback only");
        }
    }

    static boolean hasIpv6Loopback() {
        try {
            return NetworkInterface.getByInetAddress(IPV6) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    private static InetAddress literal(byte[] address) {
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal address always parses", e);
        }
    }
}
