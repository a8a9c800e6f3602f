# closures and cells
def make_adder(n):
    def add(x):
        return x + n
    return add
a5 = make_adder(5)
print(a5(1), make_adder(-1)(1))
def counter():
    c = [0]
    def inc():
        c[0] += 1
        return c[0]
    return inc
inc = counter()
inc(); inc()
print(inc())
def outer():
    v = 1
    def f():
        return v
    v = 2
    return f
print(outer()())
def nested(a):
    def l1(b):
        def l2(c):
            return a + b + c
        return l2
    return l1
print(nested(1)(2)(3))
print(a5.__closure__ is not None, len(a5.__closure__), a5.__closure__[0].cell_contents)
fns = []
for i in range(3):
    def f(i=i):
        return i * 10
    fns.append(f)
print([f() for f in fns])
