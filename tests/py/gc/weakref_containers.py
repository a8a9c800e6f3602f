# test: skip-sanitize
# (Under AddressSanitizer stale stack frames keep some dead objects alive for the
# conservative scan, so what a collection frees differs; docs/GC.md.)
# weakref.py from CPython's library: WeakValueDictionary, WeakKeyDictionary,
# WeakSet, WeakMethod and finalize, with the collector clearing entries.
import gc
import weakref


def collect():
    # gilpy scans C stacks conservatively: values the interpreter's own
    # locals still hold from the last calls could keep garbage alive; a few
    # calls of a builtin overwrite them (CPython frees by reference count)
    for i in range(3):
        abs(i)
    return gc.collect()


class C:
    def __init__(self, n):
        self.n = n

    def m(self):
        return self.n

    def __repr__(self):
        return 'C(%d)' % self.n


def fill_values(d):
    objs = [C(i) for i in range(4)]
    i = 0
    while i < 4:
        d[i] = objs[i]
        i += 1
    return objs[-1:]


def fill_keys(d):
    objs = [C(i) for i in range(4)]
    i = 0
    while i < 4:
        d[objs[i]] = i
        i += 1
    return objs[-1:]


def fill_set(s):
    objs = [C(i) for i in range(4)]
    i = 0
    while i < 4:
        s.add(objs[i])
        i += 1
    return objs[-1:]


wv = weakref.WeakValueDictionary()
kv = fill_values(wv)
wk = weakref.WeakKeyDictionary()
kk = fill_keys(wk)
collect()
collect()
print(len(wv), list(wv.items()), len(wk), list(wk.items()))
print(3 in wv, 0 in wv, kk[0] in wk)

c = C(7)
wm = weakref.WeakMethod(c.m)
print(wm()(), wm == weakref.WeakMethod(c.m))



calls = []


def with_finalizer():
    o = C(3)
    f = weakref.finalize(o, calls.append, 'finalized')
    return f


f = with_finalizer()
collect()
print(calls, f.alive, f())
o2 = C(4)
f2 = weakref.finalize(o2, calls.append, 'explicit')
print(f2.alive, f2.peek()[0] is o2)
f2()
print(calls, f2.alive, f2.detach())
f3 = weakref.finalize(o2, calls.append, 'at exit')
print('end')
