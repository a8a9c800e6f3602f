# dis.dis of functions: arithmetic, a loop with a branch, a closure, a call.
import dis


def add_one(x):
    return x + 1


def loop(items):
    total = 0
    for i in items:
        if i % 2:
            total += i
    return total


def outer(a):
    def inner(b):
        return a + b
    return inner


def calls(obj):
    print(obj.name, len(obj), sep='-')


for f in (add_one, loop, outer, calls):
    print('==', f.__name__)
    dis.dis(f)
