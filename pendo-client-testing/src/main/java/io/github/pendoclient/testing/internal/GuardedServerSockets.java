package io.github.pendoclient.testing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets for the fake's MockWebServer. Each accepted connection:
 * <ul>
 *   <li>sends small writes at once: MockWebServer writes the headers and the body separately, and with Nagle's
 *       algorithm on the body would wait for the client's delayed acknowledgement (40 ms on Linux);</li>
 *   <li>is read through a {@link RequestGuard}, which lets MockWebServer see only requests within
 *       {@link RequestLimits} and answers every other one itself with a 4xx.</li>
 * </ul>
 */
public final class GuardedServerSockets extends ServerSocketFactory {

    private final RequestLimits limits;

    /**
     * Creates the factory.
     *
     * @param limits the bounds on every request
     */
    public GuardedServerSockets(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                GuardedSocket socket = new GuardedSocket(limits);
                implAccept(socket);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout((int) limits.readTimeout().toMillis());
                return socket;
            }
        };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        ServerSocket socket = createServerSocket();
        socket.bind(new InetSocketAddress(port));
        return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        ServerSocket socket = createServerSocket();
        socket.bind(new InetSocketAddress(port), backlog);
        return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        ServerSocket socket = createServerSocket();
        socket.bind(new InetSocketAddress(address, port), backlog);
        return socket;
    }

    /** A connection whose input is read through a {@link RequestGuard}. */
    private static final class GuardedSocket extends Socket {
        private final RequestLimits limits;
        private RequestGuard guard;

        GuardedSocket(RequestLimits limits) {
            this.limits = limits;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (guard == null) {
                guard = new RequestGuard(this, super.getInputStream(), super.getOutputStream(), limits);
            }
            return guard;
        }
    }
}
