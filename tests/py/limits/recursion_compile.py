# Deeply nested source: the parser gives up as CPython's does (MemoryError past
# its stack, "too many nested parentheses" past 200 brackets), the compiler with
# RecursionError "during compilation"; never a crash, and where each starts.


def kind(src, mode='eval'):
    try:
        compile(src, '<deep>', mode)
        return 'ok'
    except (RecursionError, MemoryError) as e:
        return '%s %s' % (type(e).__name__, e)
    except SyntaxError as e:
        return 'SyntaxError %s' % e.msg


shapes = {
    'unary minus': lambda n: '-' * n + '1',
    'invert': lambda n: '~' * n + '1',
    'not': lambda n: 'not ' * n + '1',
    'lambda': lambda n: 'lambda:' * n + '1',
    'power': lambda n: '2' + '**2' * n,
    'conditional': lambda n: '1 if 1 else ' * n + '1',
    'parens': lambda n: '(' * n + '1' + ')' * n,
    'lists': lambda n: '[' * n + ']' * n,
    'dicts': lambda n: '{1:' * n + '1' + '}' * n,
    'calls': lambda n: 'f(' * n + ')' * n,
    'list of minus': lambda n: '[-' * n + '1' + ']' * n,
    'sum': lambda n: '1' + '+1' * n,
    'attributes': lambda n: 'x' + '.a' * n,
    'subscripts': lambda n: 'x' + '[0]' * n,
    'call chain': lambda n: 'f' + '()' * n,
    'comparison': lambda n: '1' + '<1' * n,
    'and': lambda n: '1' + ' and 1' * n,
}
for name, make in shapes.items():
    print(name, [kind(make(n)) for n in (50, 150, 1000, 100000)])


# where each limit starts (CPython: the parser's stack of 6000 levels, the
# compiler's 3 levels per recursion level left)
edges = {
    'unary minus': (2990, 2991, 5975, 5976),
    'not': (2990, 2991, 5975, 5976),
    'conditional': (2990, 2991, 5975, 5976),
    'lambda': (2987, 2988),
    'power': (2987, 2988),
    'sum': (2990, 2991),
    'attributes': (2990, 2991),
    'list of minus': (199, 200),
    'lists': (200, 201),
    'calls': (200, 201),
}
for name, ns in edges.items():
    print(name, [(n, kind(shapes[name](n)).split()[0]) for n in ns])
print('statement', [kind('x = ' + '-' * n + '1', 'exec').split()[0] for n in (2000, 2995, 7000)])
print('in a def', [kind('def f():\n    return ' + '-' * n + '1', 'exec').split()[0] for n in (2000, 2995, 7000)])
print('nested blocks', kind(''.join(' ' * i + 'if 1:\n' for i in range(120)) + ' ' * 120 + 'pass\n', 'exec'))
print('nested defs', kind(''.join(' ' * i + 'def f():\n' for i in range(99)) + ' ' * 99 + 'pass\n', 'exec'))

# eval and exec raise the same; the program goes on
for src in ('-' * 100000 + '1', '(' * 100000 + ')' * 100000, '1' + '+1' * 100000):
    try:
        eval(src)
    except (RecursionError, MemoryError, SyntaxError) as e:
        print('eval', type(e).__name__)
try:
    exec('x = ' + '[' * 150 + ']' * 150)
    print('exec ok')
except Exception as e:
    print('exec', type(e).__name__)
print(eval('-' * 500 + '1'), eval('not ' * 501 + '1'), len(eval('[' * 150 + ']' * 150)))
