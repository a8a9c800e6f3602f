# global and nonlocal
counter = 0
def inc():
    global counter
    counter += 1
inc(); inc()
print(counter)
def make():
    global made
    made = 'yes'
make()
print(made)
def outer():
    n = 0
    def bump():
        nonlocal n
        n += 1
        return n
    bump(); bump()
    return n, bump
val, b = outer()
print(val, b(), b())
def outer2():
    x = 'outer'
    def mid():
        def inner():
            nonlocal x
            x = 'changed by inner'
        inner()
    mid()
    return x
print(outer2())
x = 'global x'
def reader():
    return x
def shadow():
    x = 'local x'
    return x
print(reader(), shadow(), x)
def counter_factory():
    count = 0
    def step():
        nonlocal count
        count += 1
        return count
    return step
s1, s2 = counter_factory(), counter_factory()
print(s1(), s1(), s2())
