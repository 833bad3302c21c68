import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds the local run's fixed ports (the services, their management ports, the emulator, PostgreSQL, Kafka) while
 * the tests run, as a started product would: a test that needs one of them fails instead of passing only on a
 * machine where nothing runs. `java .ci/HoldLocalPorts.java` — stops when its standard input closes.
 */
public class HoldLocalPorts {
    static final int[] PORTS = {8081, 8082, 8083, 8084, 8085, 9081, 9082, 9083, 9084, 9085, 9000, 8090, 55432,
            19092, 19093};

    public static void main(String[] args) throws Exception {
        List<ServerSocket> held = new ArrayList<>();
        for (int port : PORTS) {
            try {
                held.add(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()));
            } catch (java.io.IOException e) {
                System.err.println("port " + port + " already in use (a started product?): held by it instead");
            }
        }
        System.err.println("holding " + held.size() + " of the local run's ports while the tests run");
        while (System.in.read() >= 0) {
            // until the pipe closes
        }
        for (ServerSocket socket : held) {
            socket.close();
        }
    }
}
