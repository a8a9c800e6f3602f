# test: timeout=60
# socketserver and http.server/http.client on loopback; the unclosed-socket ResourceWarning.
import gc, http.client, http.server, socket, socketserver, threading, warnings

class Echo(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(self.rfile.readline().upper())

with socketserver.ThreadingTCPServer(("127.0.0.1", 0), Echo) as server:
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    t.start()
    with socket.create_connection(server.server_address) as c:
        c.sendall(b"socketserver\n")
        print(c.makefile("rb").readline())
    server.shutdown()
    t.join()

class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = ("path was " + self.path).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass

httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
t = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
t.start()
conn = http.client.HTTPConnection("127.0.0.1", httpd.server_address[1], timeout=10)
conn.request("GET", "/hello")
r = conn.getresponse()
print(r.status, r.reason, r.getheader("Content-Type"), r.read())
conn.close()
httpd.shutdown()
t.join()
httpd.server_close()

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    def make():
        socket.socket()
    make()
    class Other:
        pass
    def other():
        Other()
    other()          # (the collector scans the C stack conservatively: overwrite it)
    gc.collect()
print([(x.category.__name__, str(x.message)[:30]) for x in w])
