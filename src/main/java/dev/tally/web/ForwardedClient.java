package dev.tally.web;

import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The client's address and scheme as Tomcat's RemoteIpValve gives them with server.forward-headers-strategy=native:
 * X-Forwarded-For and X-Forwarded-Proto count only when the connection comes from an internal address (loopback,
 * private, link-local, carrier-grade NAT, unique-local IPv6), Tomcat's default internal proxies; the client is the
 * rightmost forwarded address that is not internal. Without forwarding, the connection's peer.
 */
final class ForwardedClient {

    private final boolean forwarding;

    ForwardedClient(boolean forwarding) {
        this.forwarding = forwarding;
    }

    String address(HttpServerRequest request) {
        return address(request.remoteAddress().hostAddress(), request.getHeader("X-Forwarded-For"));
    }

    String address(String peer, String forwardedFor) {
        if (!forwarding || forwardedFor == null || !isInternal(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            client = hops[i].strip();
            if (!isInternal(client)) {
                break;
            }
        }
        return client.isEmpty() ? peer : client;
    }

    boolean isSecure(HttpServerRequest request) {
        if (request.isSSL()) {
            return true;
        }
        return forwarding
                && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))
                && isInternal(request.remoteAddress().hostAddress());
    }

    static boolean isInternal(String address) {
        byte[] bytes = address == null ? null : NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            return false; // not an IP literal: never resolved
        }
        try {
            InetAddress ip = InetAddress.getByAddress(bytes);
            boolean carrierNat = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
            boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
            return ip.isLoopbackAddress()
                    || ip.isSiteLocalAddress()
                    || ip.isLinkLocalAddress()
                    || carrierNat
                    || uniqueLocal;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
