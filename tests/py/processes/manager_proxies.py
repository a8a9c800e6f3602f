# Manager(): dict, list, Value, Lock, Queue (and Namespace, Event) proxies
# served by a manager process and shared with child Processes and a Pool.
# Proxy reprs differ between implementations: they are never printed.
import _start_method
import gc
import multiprocessing as mp
from queue import Empty


def add_items(d, l, i):
    d[i] = i * i
    l.append(i)


def count(v, lock, n):
    for _ in range(n):
        with lock:
            v.value += 1


def produce(q, n):
    for i in range(n):
        q.put(('item', i))
    q.put(None)


def square_into(args):
    d, i = args
    d['sq%d' % i] = i * i
    return i


def basics(m):
    d = m.dict(a=1)
    d['b'] = [1, 2]
    print(sorted(d.items()), d['a'], d.get('zz', 'dflt'), 'a' in d, len(d))
    print(sorted(d.keys()), d.pop('a'), d.setdefault('c', 3), sorted(d), str(d))
    d.update({'x': 9})
    print(d.copy() == {'b': [1, 2], 'c': 3, 'x': 9}, type(d.copy()).__name__)
    try:
        d['missing']
    except KeyError as e:
        print('KeyError', e)
    l = m.list(range(3))
    l.append(10)
    l.extend([4, 5])
    l += [6]
    l[0] = 'zero'
    print(l[:], l[1:3], len(l), l.index(10), l.count(4), 10 in l, list(l), str(l))
    del l[0]
    l.sort(reverse=True)
    print(l[:], l.pop(), list(reversed(l)), l + ['end'])
    try:
        l[100]
    except IndexError as e:
        print('IndexError', e)


def with_children(m):
    d, l = m.dict(), m.list()
    ps = [mp.Process(target=add_items, args=(d, l, i)) for i in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(sorted(d.items()), sorted(l), [p.exitcode for p in ps])
    v, lock = m.Value('i', 0), m.Lock()
    ps = [mp.Process(target=count, args=(v, lock, 50)) for _ in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print('counted', v.value, v.get())
    v.set(7)
    print('set', v.value, lock.acquire(), lock.acquire(False), lock.acquire(True, 0.05))
    lock.release()


def with_queue(m):
    q = m.Queue()
    p = mp.Process(target=produce, args=(q, 20))
    p.start()
    items = []
    while (item := q.get(timeout=30)) is not None:
        items.append(item[1])
    p.join()
    print('queue', len(items), sum(items), items[:3], q.empty(), q.qsize())
    try:
        q.get(timeout=0.05)
    except Empty:
        print('Empty after timeout')
    bq = m.Queue(1)
    bq.put(1)
    print('full', bq.full(), bq.get_nowait(), bq.empty())


def with_pool_and_more(m):
    # The Processes above are dead, but their pipes close when they are
    # collected (CPython closes them at once, by reference counting): under a
    # low fd limit (tests/limits_run.py) the Pool's workers would run short.
    gc.collect()
    d = m.dict()
    with mp.Pool(2) as pool:
        print('pool', sorted(pool.map(square_into, [(d, i) for i in range(5)])))
    print(sorted(d.items()))
    ns = m.Namespace(x=1)
    ns.y = 'two'
    e = m.Event()
    print('ns', ns.x, ns.y, e.is_set(), e.wait(0.05))
    e.set()
    print('event', e.is_set(), e.wait(1))


if __name__ == '__main__':
    with mp.Manager() as m:
        basics(m)
        with_children(m)
        with_queue(m)
        with_pool_and_more(m)
        print('manager process alive', len(mp.active_children()) >= 1)
    print('after shutdown', [p.name for p in mp.active_children()])
