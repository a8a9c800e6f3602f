# __slots__ checked as CPython 3.11 checks them (repeated names allowed, __dict__/__weakref__ once, identifiers, sorted members), and a writable Class.__doc__.
def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
def mk(slots, base=object, ns=None):
    d = {'__slots__': slots}
    if ns: d.update(ns)
    return type('S', (base,), d)
show(lambda: mk(('a', 'a')).__dict__['a'])
show(lambda: sorted(k for k in mk(('b', 'a', 'a')).__dict__ if k in 'ab'))
show(lambda: mk(('__dict__', '__dict__')))
show(lambda: mk(('__weakref__', '__weakref__')))
show(lambda: mk(('__dict__',), base=mk(('__dict__',))))
show(lambda: mk(('__weakref__',), base=mk(('__weakref__',))))
show(lambda: mk(('__weakref__',), base=int))
show(lambda: mk(('__dict__',), base=type('P', (), {})))
show(lambda: mk(('x',), ns={'x': 1}))
show(lambda: mk(('__qualname__',)))
show(lambda: mk(('1a',)))
show(lambda: mk(('a b',)))
show(lambda: mk((1,)))
show(lambda: mk('abc').__dict__['abc'])
show(lambda: mk({'a': 'doc of a'}).__dict__['a'].__doc__)
show(lambda: mk(['a']).__slots__)
show(lambda: mk(()).__dict__.get('__weakref__'))
show(lambda: mk(('x',), base=int))
show(lambda: mk(('x',), base=tuple))
show(lambda: mk((), base=tuple))
show(lambda: mk(('__x',)).__dict__.keys() & {'_S__x'})
class D:
    "orig"
show(lambda: D.__doc__)
D.__doc__ = 'new'
show(lambda: D.__doc__)
show(lambda: D.__dict__['__doc__'])
def setdoc(c, v): c.__doc__ = v
show(lambda: setdoc(int, 'x'))
def deldoc(c): del c.__doc__
show(lambda: deldoc(D))
show(lambda: D.__doc__)
show(lambda: deldoc(D))
show(lambda: deldoc(int))
class E: pass
show(lambda: E.__doc__)
E.__doc__ = 5
show(lambda: E.__doc__)
show(lambda: D().__doc__)
# member order in the class dict is sorted, layouts of repeated names work
class R:
    __slots__ = ('b', 'a', 'b')
print([k for k in R.__dict__ if k in ('a', 'b')])
r = R()
r.a, r.b = 1, 2
print(r.a, r.b)
class W:
    __slots__ = ('__weakref__', 'x')
print('__weakref__' in W.__dict__, W.__weakref__.__class__.__name__)
class Str(str):
    __slots__ = ('extra',)
s = Str('hi')
s.extra = 3
print(s, s.extra)
