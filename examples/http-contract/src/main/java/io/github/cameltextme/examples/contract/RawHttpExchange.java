package io.github.cameltextme.examples.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 exchange written byte for byte on a socket, for the requests an HTTP client would refuse to send or
 * would correct: a malformed request line or header, a path the client would encode. The answer is read to the end of
 * the connection ({@code Connection: close}).
 *
 * @param status  the answer's status
 * @param headers its headers, names in lower case
 * @param body    its body, with a chunked one put together
 * @param text    the whole answer as received
 */
record RawHttpExchange(int status, Map<String, String> headers, String body, String text) {

    /**
     * Sends the request line and header lines (each without its line end), then {@code Host},
     * {@code Content-Type: application/json}, the body's {@code Content-Length} and {@code Connection: close}.
     */
    static RawHttpExchange send(URI service, String body, String... requestLines) throws IOException {
        StringBuilder request = new StringBuilder();
        for (String line : requestLines) {
            request.append(line).append("\r\n");
        }
        request.append("Host: ").append(service.getAuthority()).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                .append("Connection: close\r\n\r\n")
                .append(body);
        try (Socket socket = new Socket(service.getHost(), service.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return parse(readToTheEnd(socket.getInputStream()));
        }
    }

    /** What came before the server closed, or reset, the connection. */
    private static byte[] readToTheEnd(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // a server refusing a request may reset the connection after its answer; what came is the answer
        }
        return received.toByteArray();
    }

    private static RawHttpExchange parse(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int headersEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || headersEnd < 0) {
            throw new AssertionError("not an HTTP answer: " + text);
        }
        String[] lines = text.substring(0, headersEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = Arrays.copyOfRange(answer, headersEnd + 4, answer.length);
        return new RawHttpExchange(status, headers, new String("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))
                ? unchunked(body) : body, StandardCharsets.UTF_8), new String(answer, StandardCharsets.UTF_8));
    }

    /** The chunks' bytes put together: their sizes count bytes, in ASCII hexadecimal. */
    private static byte[] unchunked(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String ascii = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int sizeEnd = ascii.indexOf("\r\n", at);
            int size = Integer.parseInt(ascii.substring(at, sizeEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, sizeEnd + 2, size);
            at = sizeEnd + 2 + size + 2;
        }
    }
}
