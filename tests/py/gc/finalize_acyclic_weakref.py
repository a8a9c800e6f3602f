# test: skip-sanitize
# (Under AddressSanitizer stale stack frames keep some dead objects alive for the
# conservative scan, so what a collection frees differs; docs/GC.md.)
# PEP 442 with weak references: an object in no cycle dies as by its reference
# count (its __del__ runs while weak references still work, and a resurrected
# object keeps them); an object in a cycle has them cleared before __del__.
import gc
import weakref

gc.disable()


def collect():
    # a few builtin calls overwrite stale C locals the conservative scan sees
    for i in range(3):
        abs(i)
    return gc.collect()

survivors = []
log = []

class Plain:
    def __del__(self):
        log.append(('del', type(self).__name__, self.wr() is self))

class Resurrector(Plain):
    def __del__(self):
        super().__del__()
        survivors.append(self)

def run(cls, cyclic):
    log.clear()
    s = cls()
    s.wr = wr = weakref.ref(s)
    calls = []
    wr2 = weakref.ref(s, lambda r: calls.append('callback'))
    if cyclic:
        s.me = s
    del s
    collect()
    print(cls.__name__, 'cyclic' if cyclic else 'acyclic', log, 'alive' if wr() is not None else 'dead',
          'alive' if wr2() is not None else 'dead', calls)
    survivors.clear()
    collect()
    print('  after clearing survivors:', 'alive' if wr() is not None else 'dead', calls)

for cls in (Plain, Resurrector):
    for cyclic in (False, True):
        run(cls, cyclic)

# a chain: the outer object's __del__ sees the inner one alive through its weakref
class Holder:
    def __del__(self):
        print('Holder.__del__ inner alive:', self.inner_wr() is not None)

class Inner:
    pass

h = Holder()
inner = Inner()
h.inner = inner
h.inner_wr = weakref.ref(inner)
iwr = weakref.ref(inner)
del inner, h
collect()
print('inner after collect:', iwr())
