# weakref.ref: callbacks, __callback__, hashing, equality, repr, subclassing,
# the reused basic ref, the types that cannot be referred to weakly.
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
    pass


class Slotted:
    __slots__ = ('a',)


class SlottedWeak:
    __slots__ = ('a', '__weakref__')


def make_pair(log):
    o = C()
    r = weakref.ref(o, lambda wr: log.append(('cb', wr() is None)))
    return o, r


log = []
o, r = make_pair(log)
print(r() is o, weakref.ref(o) is weakref.ref(o), type(r).__name__)
print(r.__callback__ is not None, weakref.ref(o).__callback__)
print(hash(r) == hash(o))
print(r == weakref.ref(o), r != weakref.ref(o))


def drop(holder):
    holder.pop()


# the hash of a ref is its referent's, kept once computed
print(isinstance(hash(r), int))


def dead_ref():
    return weakref.ref(C())


# Many at once: the conservative scan may still see the last one or two in the
# interpreter's own C locals (docs/GC.md); CPython frees them all at once.
refs = [dead_ref() for _ in range(50)]
collect()
dead = [r for r in refs if r() is None]
print(len(dead) >= 45)
d = dead[0]
try:
    hash(d)
except TypeError as e:
    print('TypeError', e)
print(d == d, d != dead[1])

for v in (1, 'str', (1,), [1], {}, 1.5, None, b'x', object()):
    try:
        weakref.ref(v)
    except TypeError as e:
        print(e)
try:
    weakref.ref(Slotted())
except TypeError as e:
    print(e)
s = SlottedWeak()
sr = weakref.ref(s)
print(sr() is s, s.__weakref__ is sr)
print(C().__weakref__)


class IntSub(int):
    pass


class StrSub(str):
    pass


for cls in (IntSub, StrSub):
    try:
        inst = cls(1)
        print(cls.__name__, weakref.ref(inst)() is inst)
    except TypeError as e:
        print(e)
# weakly referable builtins
def f():
    pass


for v in (f, C, set(), frozenset(), len, gc):
    print(type(v).__name__, weakref.ref(v)() is v)


class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, tag=None):
        super().__init__(ob, callback)
        self.tag = tag


keep = C()
mr = MyRef(keep, None, tag='t')
print(type(mr).__name__, mr() is keep, mr.tag, mr is not weakref.ref(keep))
basic = weakref.ref(keep)
print(weakref.getweakrefcount(keep), mr in weakref.getweakrefs(keep))
print(weakref.ref(keep) is weakref.getweakrefs(keep)[0])
# repr of a live ref names the type and, when it has one, __name__
print('; to \'function\' at 0x' in repr(weakref.ref(f)), repr(weakref.ref(f)).endswith(' (f)>'))
print(repr(weakref.ref(keep)).split(';')[1].split(' at ')[0])
for args in ((), (keep, None, 3)):
    try:
        weakref.ref(*args)
    except TypeError as e:
        print(e)
try:
    weakref.ref(keep, x=1)
except TypeError as e:
    print(e)
print(weakref.ref(keep, None).__callback__)
print(weakref.ref[int])
