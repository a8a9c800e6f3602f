# multiprocessing.connection: a Listener in one process, Clients in another,
# over TCP and a Unix socket, with and without an authkey; a wrong key is an
# AuthenticationError on both sides; wait() over several connections.
import _start_method
import multiprocessing as mp
import os
import tempfile
from multiprocessing.connection import Client, Listener, wait
from multiprocessing import AuthenticationError


def client(address, family, authkey, q):
    try:
        with Client(address, family=family, authkey=authkey) as c:
            c.send(['hello', os.getpid() != 0])
            q.put(('client got', c.recv()))
            c.send_bytes(b'x' * 100000)
            q.put(('client got', c.recv_bytes()))
    except AuthenticationError as e:
        q.put(('client AuthenticationError', str(e)))


def serve(listener, expect_bad):
    try:
        with listener.accept() as conn:
            msg = conn.recv()
            conn.send(msg + ['back'])
            data = conn.recv_bytes()
            conn.send_bytes(b'%d bytes' % len(data))
        return 'served ' + repr(msg)
    except AuthenticationError as e:
        return 'server AuthenticationError ' + str(e)


def run(family, address, server_key, client_key):
    q = mp.Queue()
    with Listener(address, family=family, authkey=server_key) as listener:
        p = mp.Process(target=client, args=(listener.address, family, client_key, q))
        p.start()
        print(' ', serve(listener, server_key != client_key))
        p.join()
    while not q.empty():
        print(' ', *q.get())
    print('  exitcode', p.exitcode)


def waiter(conns):
    for i, c in enumerate(conns):
        c.send(i)
        c.close()


if __name__ == '__main__':
    tmp = tempfile.mkdtemp()
    for family, address in (('AF_INET', ('127.0.0.1', 0)), ('AF_UNIX', os.path.join(tmp, 'sock'))):
        for server_key, client_key in ((None, None), (b'secret', b'secret'), (b'secret', b'wrong')):
            print(family, server_key, client_key)
            run(family, address, server_key, client_key)
    with Listener(('127.0.0.1', 0)) as l:
        print(l.address[0], type(l.address[1]).__name__, l.last_accepted)
    pairs = [mp.Pipe(duplex=False) for _ in range(3)]
    p = mp.Process(target=waiter, args=([w for r, w in pairs],))
    p.start()
    for r, w in pairs:
        w.close()
    readers = [r for r, w in pairs]
    got = []
    while readers:
        for r in wait(readers, timeout=30):
            try:
                got.append(r.recv())
            except EOFError:
                readers.remove(r)
    p.join()
    print('wait:', sorted(got), wait([p.sentinel], 0) == [p.sentinel])
    os.rmdir(tmp)
