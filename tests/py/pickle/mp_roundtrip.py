# test: timeout=60
# objects cross processes through multiprocessing's pickles (Pipe, Queue, Pool)
import multiprocessing as mp
import collections, pickle

class Point:
    def __init__(self, x, y): self.x, self.y = x, y
    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)

def echo(conn):
    while True:
        obj = conn.recv()
        if obj is None:
            break
        conn.send(obj)

def square(x):
    return x * x

VALUES = [1, 2**100, -1.5, 'héllo', b'\x00\xff', bytearray(b'ab'), (1, (2, 3)), [1, [2, [3]]],
          {'a': {1, 2}, 'b': frozenset({3})}, collections.OrderedDict(z=1, a=2), Point(1, 2), True,
          list(range(3000)), {i: str(i) for i in range(1500)}, ValueError('boom'), len, Point]

if __name__ == '__main__':
    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b,))
    p.start()
    for v in VALUES:
        a.send(v)
        r = a.recv()
        same = r == v if not isinstance(v, Exception) else (type(r), r.args) == (type(v), v.args)
        print(type(v).__name__, same)
    shared = [1, 2]
    a.send([shared, shared])
    r = a.recv()
    print('shared', r[0] is r[1])
    a.send(None)
    p.join()
    q = mp.Queue()
    q.put({'k': [Point(3, 4)]})
    print(q.get()['k'][0].x)
    with mp.Pool(2) as pool:
        print(pool.map(square, range(10)))
    print(pickle.loads(pickle.dumps(VALUES[:12])) == VALUES[:12])
