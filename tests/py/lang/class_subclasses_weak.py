# A base refers to its subclasses weakly: classes made and dropped in a loop
# are collected, and __subclasses__() lists only the live ones.
import gc
import weakref


class Base:
    def __eq__(self, other):
        return NotImplemented


refs = []
for i in range(300):
    C = type('C%d' % i, (Base,), {'x': i})
    refs.append(weakref.ref(C))
keep = C
del C
gc.collect()
# (a stale word on the C stack may keep one or two more: the collector scans
# the stack conservatively)
alive = sum(r() is not None for r in refs)
names = [c.__name__ for c in Base.__subclasses__()]
print(1 <= alive <= 3, 'C299' in names, len(names) == alive)


# Slots still reach the live subclasses after the dead ones were pruned.
class Mid(Base):
    pass


class Leaf(Mid):
    pass


for i in range(50):
    type('T%d' % i, (Mid,), {})
gc.collect()
Mid.__repr__ = lambda self: 'mid-repr'
print(repr(Leaf()))
Base.__len__ = lambda self: 7
print(len(Leaf()), len(keep()))
print(sorted(c.__name__ for c in Mid.__subclasses__()))
print(bool in int.__subclasses__())

# Changing __bases__ walks the live subclasses too.
class A:
    pass


class B:
    def hello(self):
        return 'B.hello'


class D(A):
    pass


class E(D):
    pass


D.__bases__ = (B,)
print(E().hello(), [k.__name__ for k in E.__mro__])
print(A.__subclasses__(), [k.__name__ for k in B.__subclasses__()])
