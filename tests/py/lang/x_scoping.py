g = 0
def incr():
    global g
    g += 1
incr(); incr(); print(g)
def make_global():
    global newg
    newg = "created"
make_global(); print(newg)
def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    def get(): return n
    return inc, get
inc, get = counter()
inc(); inc(5); print(get())
def outer():
    x = 1
    def mid():
        def inner():
            nonlocal x
            x += 10
            return x
        return inner
    f = mid()
    f(); f()
    return x
print(outer())
# late binding closures
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def mk():
    fns = []
    for i in range(3):
        def f(): return i
        fns.append(f)
    return fns
print([f() for f in mk()])
# cell shared between closures
def shared():
    v = []
    def add(x): v.append(x)
    def show(): return list(v)
    return add, show
a, s = shared(); a(1); a(2); print(s())
# closure over loop var reassigned after
def late():
    x = 1
    f = lambda: x
    x = 2
    return f()
print(late())
# comprehension scopes
x = "outer"
print([x for x in range(3)], x)
y = 10
print([y * i for i in range(3)])
print({k: v for k, v in zip("ab", range(2))}, sorted({c for c in "aab"}))
print([(i, j) for i in range(3) for j in range(i)])
print([[j for j in range(i)] for i in range(4)])
def comp_in_func():
    z = 5
    return [z + q for q in range(3)]
print(comp_in_func())
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        bad = [v * len(vals) for v in vals]
    except NameError as e:
        err = str(e)
print(C.doubled, C.err)
# walrus in comprehension binds in enclosing scope
data = [1, 5, 9, 2]
if any((big := v) > 4 for v in data):
    print("first big", big)
print([last := v for v in range(4)], last)
def wal():
    [w := i * i for i in range(4)]
    return w
print(wal())
# nested functions and name resolution
def f1():
    def f2():
        return len
    len = lambda x: "shadowed"
    return f2()("abc")
print(f1())
import builtins
print(builtins.len("abc"))
def uses_builtin(): return max(1, 2)
max = lambda *a: "fake max"
print(uses_builtin())
del max
print(uses_builtin())
# del of local then access
def delloc():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(delloc())
def del_nonlocal():
    v = 1
    def inner():
        nonlocal v
        del v
    inner()
    try:
        return v
    except NameError as e:
        return type(e).__name__ + ": " + str(e)
print(del_nonlocal())
# globals() / locals()
def loc(a, b=2):
    c = 3
    return sorted(locals().items())
print(loc(1))
print("g" in globals(), globals()["g"])
globals()["dyn"] = 7
print(dyn)
# exec-free: nonlocal in nested class method
def cls_factory():
    count = 0
    class K:
        def bump(self):
            nonlocal count
            count += 1
            return count
    return K
K = cls_factory(); k = K(); k.bump(); print(k.bump())
# function attributes
def fa(): pass
fa.attr = 1
print(fa.attr, fa.__name__, fa.__dict__)
fa.__name__ = "renamed"; print(fa.__name__, fa.__qualname__)
# default values evaluated once
def app(x, lst=[]):
    lst.append(x)
    return lst
app(1); print(app(2))
print(app.__defaults__, (lambda a, *, b=3: 0).__kwdefaults__)
def kw(a, b=2, *args, c, d=4, **kw): pass
print(kw.__code__.co_argcount, kw.__code__.co_kwonlyargcount, kw.__code__.co_varnames[:6], kw.__code__.co_name)
# closures __closure__
def clo():
    a = 5
    def inner(): return a
    return inner
print(clo().__closure__[0].cell_contents, clo.__closure__)
# recursion via closure
def fact_maker():
    def fact(n): return 1 if n <= 1 else n * fact(n - 1)
    return fact
print(fact_maker()(20))
# global declared after use -> SyntaxError checked elsewhere; global in class body
gv = 1
class GC:
    global gv
    gv = 2
print(gv)
# nonlocal chain through several levels
def l1():
    v = "l1"
    def l2():
        def l3():
            nonlocal v
            v = "l3"
        l3()
    l2()
    return v
print(l1())
# lambda default capturing and nested lambda
add = lambda x: lambda y: x + y
print(add(2)(3), (lambda *a, **k: (a, k))(1, z=2), (lambda: None)())
print((lambda x, /, y, *, z: (x, y, z))(1, y=2, z=3))
