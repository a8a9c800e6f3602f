# test: skip-sanitize
# (Under AddressSanitizer locals live in fake stack frames: the scan of the
# interpreter loop's frame is not skipped there; docs/GC.md.)
# gc.collect() called from Python frees what the last call returned and the
# frame no longer holds: a weakref to it dies and its callback runs, a
# finalizer runs, in functions and at module level.
import gc, weakref, sys

class C:
    pass

class D:
    def __del__(self):
        print('D.__del__')

def local_object():
    m = C()
    wr = weakref.ref(m)
    del m
    gc.collect()
    print('local', wr())

def with_callback():
    b = bytearray(b'abcdef')
    m = memoryview(b)[1:]
    L = []
    wr = weakref.ref(m, lambda w: L.append(w is wr))
    del m
    gc.collect()
    print('memoryview', wr(), L)

def finalizer():
    d = D()
    del d
    gc.collect()
    print('after')

def kw_call():
    o = C()
    wr = weakref.ref(o)
    o = None
    gc.collect(generation=2)
    print('kw', wr())

def self_cycle():
    o = C()
    o.me = o
    wr = weakref.ref(o)
    del o
    gc.collect()
    print('cycle', wr())

local_object()
with_callback()
finalizer()
kw_call()
self_cycle()

m = C()
wr = weakref.ref(m)
del m
gc.collect()
print('module', wr())

# Called indirectly (here by a native that got it as an argument) it still
# collects, and what the native holds stays alive.
keep = [C() for i in range(3)]
wrs = [weakref.ref(x) for x in keep]
print(sorted([3, 1, 2], key=lambda x: (gc.collect(), x)[1]))
print([w() is k for w, k in zip(wrs, keep)])
print(list(map(lambda x: gc.collect() * 0 + x, [1, 2])))
