# a global statement in a nested function makes the module's name global; comparison methods that fail to bind; bound methods hash by their self's identity
local_ns = {}
global_ns = {}
exec("""if 1:
    def f():
        y = 1
        def g():
            global y
            return y
        def h():
            return y + 1
        return g, h
    y = 9
    g, h = f()
    result9 = g()
    result2 = h()
    """, local_ns, global_ns)
print(global_ns["result2"], global_ns["result9"], sorted(local_ns.keys() - {'__builtins__'}))
g = {}
exec("global x\nx: int = 3\n", g)
print(g['x'], g['__annotations__'])
exec("def f():\n    global z\n    z = 1\nz = 5\nf()\n", g, l := {})
print(g['z'], l.get('z'))
def booh(self):
    raise AttributeError("booh")
class E:
    __eq__ = property(booh)
print(E() == E())
class A:
    def __init__(self, x): self.x = x
    def f(self): pass
    def __eq__(self, other): return True
    def __hash__(self): raise TypeError
a1 = A(1); a2 = A(1)
print(a1.f == a1.f, a1.f == a2.f, hash(a1.f) == hash(a1.f), a1.f != a2.f)
class P:
    @property
    def __lt__(self):
        return lambda o: "lt"
print(P() < 1)
