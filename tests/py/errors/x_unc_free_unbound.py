def f():
    def g(): return y
    r = g()
    y = 1
    return r
f()
