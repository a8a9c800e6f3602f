# test: timeout=60 skip-gc-stress
# Every C path that recurses on user data counts recursion levels and raises
# RecursionError (with CPython's message) instead of exhausting the C stack.
import pickle
import threading

N = 100000


def nested(make, base, n=N):
    x = base
    for _ in range(n):
        x = make(x)
    return x


def attempt(label, f):
    try:
        r = f()
        print(label, 'ok', r if isinstance(r, (bool, int)) else type(r).__name__)
    except RecursionError as e:
        print(label, type(e).__name__, e)


lists = nested(lambda x: [x], []), nested(lambda x: [x], [])
tuples = nested(lambda x: (x,), ()), nested(lambda x: (x,), ())
dicts = nested(lambda x: {1: x}, {}), nested(lambda x: {1: x}, {})
fsets = nested(lambda x: frozenset([x]), frozenset()), nested(lambda x: frozenset([x]), frozenset())

# comparisons of every container kind, every operator
for name, (a, b) in (('list', lists), ('tuple', tuples), ('dict', dicts), ('frozenset', fsets)):
    attempt(name + ' ==', lambda: a == b)
    attempt(name + ' !=', lambda: a != b)
for name, (a, b) in (('list', lists), ('tuple', tuples)):
    for op in ('<', '<=', '>', '>='):
        attempt(name + ' ' + op, lambda: eval('a ' + op + ' b'))
a, b = lists
attempt('dict values ==', lambda: {1: a} == {1: b})
attempt('dict items ==', lambda: dicts[0].items() == dicts[1].items())
attempt('slice ==', lambda: nested(slice, 1, 5000) == nested(slice, 1, 5000))

# searches compare too
attempt('in list', lambda: a in [b])
attempt('in tuple', lambda: a in (b,))
attempt('list.count', lambda: [b].count(a))
attempt('list.index', lambda: [b].index(a))
attempt('tuple.index', lambda: (b,).index(a))
attempt('list.remove', lambda: [b].remove(a))
attempt('dict key', lambda: {tuples[0]: 1}[tuples[1]])
attempt('set member', lambda: tuples[1] in {tuples[0]})
attempt('sorted', lambda: sorted([a, b]))
attempt('max', lambda: max(a, b))
attempt('min', lambda: min([a, b]))

# hashing a deep tuple needs no recursion limit (CPython's frames are small)
print('hash', hash(tuples[0]), hash(tuples[0]) == hash(tuples[1]))
print('hash mixed', hash(nested(lambda x: (1, x, 2.5), (None,) * 0)))
print('set of deep tuple', len({tuples[0]}))

# repr, str and formatting
for name, v in (('list', a), ('tuple', tuples[0]), ('dict', dicts[0]), ('frozenset', fsets[0])):
    attempt('repr ' + name, lambda: repr(v))
attempt('str', lambda: str(a))
attempt('ascii', lambda: ascii(a))
attempt('format', lambda: format(a))
attempt('str.format', lambda: '{}'.format(a))
attempt('percent', lambda: '%s' % (a,))
attempt('percent r', lambda: '%r' % (a,))
attempt('f-string', lambda: f'{a!r}')
attempt('print', lambda: print(a))

# isinstance and issubclass over nested tuples
types = nested(lambda x: (x,), int)
attempt('isinstance', lambda: isinstance(1, types))
attempt('issubclass', lambda: issubclass(bool, types))
attempt('isinstance miss', lambda: isinstance(1.5, nested(lambda x: (x, str), int, 500)))


class Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, cls)

    def __subclasscheck__(cls, sub):
        return issubclass(sub, cls)


class Loop(metaclass=Meta):
    pass


attempt('__instancecheck__ loop', lambda: isinstance(1, Loop))
attempt('__subclasscheck__ loop', lambda: issubclass(int, Loop))

# pickling counts levels as CPython's pickler: where each kind gives up


def deepest(make, base):
    lo, hi = 1, 3000
    while hi - lo > 1:
        mid = (lo + hi) // 2
        try:
            pickle.dumps(nested(make, base, mid))
            lo = mid
        except RecursionError:
            hi = mid
    return lo


class Obj:
    pass


def obj(x):
    o = Obj()
    o.x = x
    return o


print('pickle list', deepest(lambda x: [x], []))
print('pickle tuple', deepest(lambda x: (x,), ()))
print('pickle dict', deepest(lambda x: {1: x}, {}))
print('pickle instance', deepest(obj, None))
attempt('pickle deep', lambda: pickle.dumps(a))
attempt('pickle round trip', lambda: pickle.loads(pickle.dumps(nested(lambda x: [x], [], 300))) == nested(lambda x: [x], [], 300))

# the same in a thread (its own C stack and depth)
out = []


def worker():
    try:
        lists[0] == lists[1]
    except RecursionError as e:
        out.append(str(e))
    try:
        repr(dicts[0])
    except RecursionError as e:
        out.append(str(e))


t = threading.Thread(target=worker)
t.start()
t.join()
print('thread', out)

# and the interpreter is fine afterwards
print(len(repr(nested(lambda x: [x], [], 100))), nested(lambda x: [x], [], 100) == nested(lambda x: [x], [], 100))
