# Closures: functions made in a loop, cells, nonlocal, lambdas.
def make_adder(n):
    def add(x):
        return x + n
    return add
def counter():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c
    return inc
t = 0
for i in range(200000):
    f = make_adder(i)
    g = counter()
    g(); g()
    t += f(3) + g()
    t += (lambda y: y * i)(2)
print(t)
