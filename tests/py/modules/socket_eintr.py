# test: timeout=30
# PEP 475: a signal during a blocking socket call runs its handler, then the
# call resumes (or the handler's exception propagates); timeouts keep counting.
import os, signal, socket, threading, time

def kick(delay):
    threading.Timer(delay, os.kill, (os.getpid(), signal.SIGUSR1)).start()

a, b = socket.socketpair()
hits = []
signal.signal(signal.SIGUSR1, lambda *x: hits.append(1))
kick(0.05)
threading.Timer(0.3, lambda: b.send(b"late")).start()
print(a.recv(10), hits)

def boom(*x):
    raise ZeroDivisionError("from handler")
signal.signal(signal.SIGUSR1, boom)
kick(0.05)
try:
    a.recv(10)
except ZeroDivisionError as e:
    print("raised", e)

a.settimeout(0.4)
signal.signal(signal.SIGUSR1, lambda *x: hits.append(2))
kick(0.05)
t = time.monotonic()
try:
    a.recv(10)
except TimeoutError as e:
    print("timeout", e, hits, 0.35 < time.monotonic() - t < 2)

# accept on a listening socket, interrupted, then a client arrives
srv = socket.create_server(("127.0.0.1", 0))
signal.signal(signal.SIGUSR1, lambda *x: hits.append(3))
kick(0.05)
threading.Timer(0.3, lambda: socket.create_connection(srv.getsockname()).close()).start()
conn, addr = srv.accept()
print(hits, addr[0])
conn.close(); srv.close(); a.close(); b.close()
