# Helper of memory_exhaustion.py: one way to run out of memory, named by
# sys.argv[1], run under an address-space limit (ulimit -v).
import sys


def fill(make):
    """Keep what make() returns until memory runs out; True if it did."""
    keep = []
    try:
        while True:
            keep.append(make())
    except MemoryError:
        n = len(keep)
        keep = None
        return n > 100


def deep(n):
    if n == 0:
        return fill(lambda: [0] * 100)
    return deep(n - 1)


case = sys.argv[1]
if case == 'lists':
    print('caught', fill(lambda: [0] * 100))
elif case == 'strings':
    print('caught', fill(lambda: 'x' * 1000 + str(len(sys.argv))))
elif case == 'bytes':
    print('caught', fill(lambda: bytearray(5000)))
elif case == 'dicts':
    print('caught', fill(lambda: {i: i for i in range(20)}))
elif case == 'big-blocks':
    print('caught', fill(lambda: bytes(3 << 20)))
elif case == 'deep':
    print('caught', deep(50))
elif case == 'uncaught':
    keep = []
    print('filling', flush=True)
    while True:
        keep.append([0] * 100)
elif case == 'uncaught-deep':
    def f(n, keep):
        if n:
            return f(n - 1, keep)
        while True:
            keep.append('y' * 500)
    f(30, [])
elif case == 'huge':
    for expr in ["'x' * 10**10", "[0] * 10**9", "bytearray(10**10)", "bytes(10**10)",
                 "b'ab' * 10**10", "(0,) * 10**9", "'%*d' % (10**10, 1)", "'{:10000000000}'.format(1)",
                 "' '.center(10**10)", "list(range(10**9))", "'ab'.ljust(10**10)"]:
        try:
            eval(expr)
            print(expr, 'no error')
        except MemoryError:
            print(expr, 'MemoryError')
elif case == 'again':
    # run out, recover, run out again: the reserve comes back each time (how
    # much of the heap a round gets back depends on what the conservative
    # stack scan still sees of the last round's lists, so it is not printed)
    for i in range(3):
        fill(lambda: [i] * 100)
        print('round', i, 'caught')
    print(sum(range(1000)), ''.join(str(i) for i in range(20)))
elif case == 'after':
    fill(lambda: [0] * 100)
    # everything works again after the MemoryError
    d = {str(i): [i] * 10 for i in range(10000)}
    s = '-'.join(d)
    exec(compile('def g(x):\n    return x * 2\nprint("compiled", g(21))', 's', 'exec'))
    print(len(d), len(s), sorted(d)[:3], '%05.1f|%-6s|' % (3.14159, 'ab'))
    try:
        raise ValueError('still raises')
    except ValueError as e:
        print(e)
print('after', case)
