package io.github.pendoclient.testing.internal;

import java.io.IOException;
import java.net.InetAddress;

/**
 * Server sockets whose connections send small writes at once. MockWebServer writes the headers and the body
 * separately; with Nagle's algorithm on, the body waits for the client's delayed acknowledgement (40 ms on
 * Linux), which would make every small answer slow.
 */
public final class NoDelayServerSockets extends javax.net.ServerSocketFactory {
    @Override
    public java.net.ServerSocket createServerSocket() throws IOException {
        return new java.net.ServerSocket() {
            @Override
            public java.net.Socket accept() throws IOException {
                java.net.Socket socket = super.accept();
                socket.setTcpNoDelay(true);
                return socket;
            }
        };
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port) throws IOException {
        java.net.ServerSocket socket = createServerSocket();
        socket.bind(new java.net.InetSocketAddress(port));
        return socket;
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
        java.net.ServerSocket socket = createServerSocket();
        socket.bind(new java.net.InetSocketAddress(port), backlog);
        return socket;
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog, InetAddress address)
            throws IOException {
        java.net.ServerSocket socket = createServerSocket();
        socket.bind(new java.net.InetSocketAddress(address, port), backlog);
        return socket;
    }
}
