# test: skip-sanitize
# (Under AddressSanitizer stale stack frames keep some dead objects alive for the
# conservative scan, so what a collection frees differs; docs/GC.md.)
# PEP 442: __del__ runs once, after weak references are cleared; resurrection;
# errors are reported, not raised; garbage generators are closed; gc module.
import gc
import weakref


def collect():
    # gilpy scans C stacks conservatively: values the interpreter's own
    # locals still hold from the last calls could keep garbage alive; a few
    # calls of a builtin overwrite them (CPython frees by reference count)
    for i in range(3):
        abs(i)
    return gc.collect()

log = []
saved = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(('del', self.name))


class Resurrect:
    def __del__(self):
        log.append('resurrect')
        saved.append(self)


class Bad:
    def __del__(self):
        raise ValueError('from __del__')


def make(cls, *a):
    cls(*a)


def make_cycle():
    a = D('a')
    b = D('b')
    a.other = b
    b.other = a
    r = weakref.ref(a, lambda wr: log.append('cb'))
    return r


# (A lone object made through a call of __init__ is not checked here: the
# conservative scan may still see it in the interpreter's own C locals for a
# collection or two after it died; docs/GC.md.)
make(Resurrect)
collect()
print(log, len(saved))
saved.clear()
collect()
print(log)
make(Bad)
collect()
print('after bad')


def gen():
    try:
        yield 1
        yield 2
    finally:
        log.append('gen finally')


def start_gen():
    g = gen()
    next(g)


print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.get_threshold())
gc.set_threshold(800, 11, 12)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(len(gc.get_count()), len(gc.get_stats()), sorted(gc.get_stats()[0]))
print(gc.is_tracked(1), gc.is_tracked('s'), gc.is_tracked([]), gc.is_tracked({}),
      gc.is_tracked({'a': 1}), gc.is_tracked({'a': []}), gc.is_tracked(D('t')))
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
gc.set_debug(gc.DEBUG_STATS & 0)
print(gc.get_debug(), gc.garbage)
x = [1, 2]
holder = [x]
print(any(h is holder for h in gc.get_referrers(x)))
print(any(o is x for o in gc.get_referents(holder)))
print(any(o is holder for o in gc.get_objects()))
events = []
gc.callbacks.append(lambda phase, info: events.append((phase, sorted(info))))
collect()
gc.callbacks.clear()
print(events)
for g in (3, -1):
    try:
        gc.collect(g)
    except ValueError as e:
        print(e)
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
