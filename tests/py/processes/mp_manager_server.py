# Managers: a BaseManager server in one process (get_server().serve_forever())
# and clients in others (connect(), authkey); register() with exposed and
# method_to_typeid; nested proxies; Manager()'s synchronisation types, Array,
# Pool, and proxies passed to child processes.
import _start_method
import multiprocessing as mp
import os
import time
from multiprocessing.managers import BaseManager, BaseProxy, ListProxy


class Counter:
    def __init__(self):
        self.n = 0
        self.log = []

    def add(self, k):
        self.n += k
        self.log.append(k)
        return self.n

    def history(self):
        return self.log

    def hidden(self):
        return 'hidden'


class CounterManager(BaseManager):
    pass


_counter = Counter()


def get_counter():
    return _counter


CounterManager.register('get_counter', callable=get_counter,
                        exposed=('add', 'history'), method_to_typeid={'history': 'list'})
CounterManager.register('list', list, proxytype=ListProxy)


def server(address, authkey, ready):
    m = CounterManager(address=address, authkey=authkey)
    s = m.get_server()
    ready.put(s.address)
    s.serve_forever()


def client(address, authkey, q):
    m = CounterManager(address=address, authkey=authkey)
    m.connect()
    c = m.get_counter()
    q.put(c.add(5))


def bump(d, lock, k):
    with lock:
        d['n'] = d['n'] + 1
        d['items'].append(k)


def square(x):
    return x * x


def barrier_party(b, ev, results):
    results.append(b.wait(timeout=30) >= 0)
    ev.wait(30)


if __name__ == '__main__':
    key = b'a key'
    ready = mp.Queue()
    srv = mp.Process(target=server, args=(('127.0.0.1', 0), key, ready), daemon=True)
    srv.start()
    address = ready.get(timeout=60)
    m = CounterManager(address=address, authkey=key)
    m.connect()
    c = m.get_counter()
    print(c.add(1), c.add(2))
    q = mp.Queue()
    p = mp.Process(target=client, args=(address, key, q))
    p.start()
    print('other client:', q.get(timeout=60))
    p.join()
    h = c.history()
    print(type(h).__name__, isinstance(h, BaseProxy), h[:], len(h))
    try:
        c.hidden()
    except AttributeError as e:
        print('AttributeError', e)
    bad = CounterManager(address=address, authkey=b'wrong')
    try:
        bad.connect()
    except mp.AuthenticationError as e:
        print('AuthenticationError', e)
    srv.terminate()
    srv.join()

    with mp.Manager() as manager:
        d = manager.dict(n=0, items=manager.list())
        lock = manager.RLock()
        ps = [mp.Process(target=bump, args=(d, lock, k)) for k in range(4)]
        for x in ps:
            x.start()
        for x in ps:
            x.join()
        print('nested:', d['n'], sorted(d['items']), type(d['items']).__name__)
        outer = manager.list([manager.dict(a=1), manager.list([1, 2])])
        outer[0]['b'] = 2
        outer[1].append(3)
        print('nested:', sorted(outer[0].items()), outer[1][:])
        cond = manager.Condition()
        with cond:
            print('condition:', cond.wait(0.01), cond.wait_for(lambda: True, 0.01))
        sem, bsem = manager.Semaphore(2), manager.BoundedSemaphore(1)
        print('semaphores:', sem.acquire(), sem.acquire(), sem.acquire(timeout=0.01), bsem.acquire())
        bsem.release()
        try:
            bsem.release()
        except ValueError as e:
            print('ValueError', e)
        b, ev, results = manager.Barrier(3), manager.Event(), manager.list()
        ps = [mp.Process(target=barrier_party, args=(b, ev, results)) for _ in range(3)]
        for x in ps:
            x.start()
        while len(results) < 3:
            time.sleep(0.01)
        ev.set()
        for x in ps:
            x.join()
        print('barrier:', results[:], b.parties, b.broken)
        arr = manager.Array('i', [1, 2, 3])
        arr[0] = 10
        print('array:', arr[:], len(arr))
        v = manager.Value('d', 1.5)
        v.value += 1
        print('value:', v.value)
        pool = manager.Pool(2)
        print('pool:', pool.map(square, range(5)), pool.apply(square, (7,)))
        pool.close()
        ns = manager.Namespace(x=1)
        ns.y = 'two'
        print('namespace:', ns.x, ns.y)
        q = manager.Queue(1)
        q.put('only')
        print('queue:', q.full(), q.qsize(), q.get(), q.empty())
    print('manager shut down')
