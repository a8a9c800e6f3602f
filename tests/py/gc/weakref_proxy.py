# test: skip-sanitize
# (Under AddressSanitizer stale stack frames keep some dead objects alive for the
# conservative scan, so what a collection frees differs; docs/GC.md.)
# weakref.proxy: forwarding, the callable proxy, ReferenceError once dead.
import gc
import weakref


class C:
    def __init__(self):
        self.x = 1
        self.items = [1, 2, 3]

    def m(self):
        return 'm'

    def __len__(self):
        return 3

    def __getitem__(self, i):
        return self.items[i]

    def __add__(self, other):
        return 'add %r' % (other,)

    def __radd__(self, other):
        return 'radd %r' % (other,)

    def __call__(self, *a, **k):
        return ('called', a, k)

    def __eq__(self, other):
        return other == 'eq'

    __hash__ = object.__hash__


class Plain:
    pass


c = C()
p = weakref.proxy(c)
print(type(p).__name__, type(weakref.proxy(Plain())).__name__)
print(p.x, p.m(), len(p), p[1], p + 1, 1 + p, p(2, k=3), p == 'eq', str(p) == str(c))
p.y = 5
print(c.y)
del p.y
print(hasattr(c, 'y'), weakref.proxy(c) is p, weakref.getweakrefcount(c))
try:
    hash(p)
except TypeError as e:
    print(e)
print(repr(p).startswith('<weakproxy at 0x'), ' to C at 0x' in repr(p))
print(list(p), 2 in p, bool(p))


def dead():
    return weakref.proxy(Plain())


# the first of several: a copy of the last referent's address may stay in a
# C stack slot a while, and the stack scan is conservative
d = [dead() for _ in range(4)][0]
gc.collect()
for op in (lambda: d.x, lambda: str(d), lambda: d + 1, lambda: len(d)):
    try:
        op()
    except ReferenceError as e:
        print(repr(e))
n = weakref.proxy(weakref.ref)
print(weakref.ProxyType, weakref.CallableProxyType, weakref.ReferenceType)
