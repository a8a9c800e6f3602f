"""Beazley's convoy over TCP: an echo server thread beside a CPU-bound thread.

    gilpy [-X gil=POLICY] examples/gil/tcp_convoy.py [--quick] [--rounds N] [--seconds S]

The server thread of this process echoes messages on a localhost TCP socket;
the client is another process (forked before any thread starts, so it never
waits for this process's GIL) that sends a 64-byte message and waits for
the answer, ROUNDS times or for S seconds; then it sends 1 MiB that the
server reads in 4 KiB recv() calls (Beazley's test in bpo-7946).  Both are
timed alone, then with a thread that only computes.  This is the setting of bpo-7946
("Convoy effect with I/O bound threads and New GIL"), where a thread that
comes back from recv() must win the GIL back from the CPU-bound thread
every time - with CPython's algorithm, one switch interval per call.

Prints the latencies (mean, median, 99th percentile, in us) and a last
line `RESULT {...}` (a Python literal) for tools/gil_experiments.py.  Runs
under python3 too.
"""
import os
import socket
import statistics
import sys
import threading
import time

from _lab import report

MSG = b"m" * 64
BULK = 1 << 20          # bytes of a bulk transfer (--quick: 64 KiB)
stop = False


def spin():
    while not stop:
        pass


def recv_exact(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            return buf
        buf += chunk
    return buf


def serve(listener):
    """Echo fixed-size messages; 'c' * 64 starts the CPU thread, EOF ends."""
    global cpu
    conn, _ = listener.accept()
    with conn:
        while True:
            msg = recv_exact(conn, len(MSG))
            if len(msg) < len(MSG):
                return
            if msg == b"c" * len(MSG):
                cpu = threading.Thread(target=spin, name="cpu")
                cpu.start()
            elif msg == b"b" * len(MSG):
                receive_bulk(conn)
            conn.sendall(msg)


def receive_bulk(conn):
    """Beazley's bpo-7946 test: take BULK bytes in 4 KiB recv() calls.  The
    data is already there: each call returns at once, and needs the GIL back."""
    left = BULK
    while left > 0:
        left -= len(conn.recv(min(left, 4096)))


def timed_rounds(sock, rounds, seconds):
    lat = []
    deadline = time.perf_counter() + seconds
    while len(lat) < rounds and (len(lat) < 5 or time.perf_counter() < deadline):
        t0 = time.perf_counter()
        sock.sendall(MSG)
        recv_exact(sock, len(MSG))
        lat.append(time.perf_counter() - t0)
    return lat


def bulk(sock):
    """Seconds to send BULK bytes and get the acknowledgement."""
    t0 = time.perf_counter()
    sock.sendall(b"b" * len(MSG))
    sock.sendall(b"d" * BULK)
    recv_exact(sock, len(MSG))
    return round(time.perf_counter() - t0, 6)


def summary(lat):
    lat = sorted(x * 1e6 for x in lat)
    return {"n": len(lat), "mean_us": round(statistics.mean(lat), 1), "median_us": round(lat[len(lat) // 2], 1),
            "p99_us": round(lat[min(len(lat) - 1, len(lat) * 99 // 100)], 1)}


def client(port, rounds, seconds, out_w):
    sock = socket.create_connection(("127.0.0.1", port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    alone = summary(timed_rounds(sock, rounds, seconds))
    alone["bulk_s"] = bulk(sock)
    sock.sendall(b"c" * len(MSG))
    recv_exact(sock, len(MSG))
    time.sleep(0.02)
    beside = summary(timed_rounds(sock, rounds, seconds))
    beside["bulk_s"] = bulk(sock)
    sock.close()
    os.write(out_w, repr({"alone": alone, "beside_cpu": beside}).encode())
    os.close(out_w)
    os._exit(0)


def main():
    global stop, BULK
    rounds, seconds = 2000, 1.0
    args = iter(sys.argv[1:])
    for a in args:
        if a == "--quick":
            rounds, seconds, BULK = 100, 0.1, 1 << 16
        elif a == "--rounds":
            rounds = int(next(args))
        elif a == "--seconds":
            seconds = float(next(args))
        else:
            sys.exit(f"tcp_convoy.py: unknown argument {a!r}")
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    out_r, out_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        listener.close()
        os.close(out_r)
        client(port, rounds, seconds, out_w)
    os.close(out_w)
    server = threading.Thread(target=serve, args=(listener,), name="echo")
    server.start()
    server.join()
    stop = True
    if cpu is not None:
        cpu.join()
    listener.close()
    data = b""
    while chunk := os.read(out_r, 4096):
        data += chunk
    os.waitpid(pid, 0)
    res = eval(data.decode())                # our own child's repr of a dict of numbers
    a, b = res["alone"], res["beside_cpu"]
    for name, s in res.items():
        print(f"{name}: n={s['n']} mean={s['mean_us']}us median={s['median_us']}us p99={s['p99_us']}us "
              f"bulk {BULK >> 10} KiB: {s['bulk_s']}s")
    print(f"ratio (median beside/alone)={b['median_us'] / a['median_us']:.1f} "
          f"bulk beside/alone={b['bulk_s'] / max(a['bulk_s'], 1e-6):.1f}", flush=True)
    report("tcp-convoy", **res)


cpu = None
main()
