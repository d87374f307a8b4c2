package de.lagebild.layers.imports;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Whether an address is one that a fetch from inside the cluster must never reach. */
final class SourceAddresses {

    private SourceAddresses() {
    }

    static boolean isNonPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                        // "this network"
                    || first == 100 && second >= 64 && second < 128   // carrier-grade NAT, 100.64/10
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                    || first == 198 && (second == 18 || second == 19) // benchmarking
                    || first >= 240;                                 // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {                            // unique-local fc00::/7
                return true;
            }
            if (isIpv4Mapped(b) || isIpv4Compatible(b) || isNat64(b)) {
                byte[] v4 = {b[12], b[13], b[14], b[15]};
                try {
                    return isNonPublic(InetAddress.getByAddress(v4));
                } catch (java.net.UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static boolean isIpv4Compatible(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** 64:ff9b::/96, the well-known NAT64 prefix: a way to name an IPv4 address in IPv6. */
    private static boolean isNat64(byte[] b) {
        if (b[0] != 0 || b[1] != 0x64 || (b[2] & 0xff) != 0xff || (b[3] & 0xff) != 0x9b) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
