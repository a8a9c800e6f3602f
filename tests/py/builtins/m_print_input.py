import sys
print(1, 2, 3, sep='-', end='!\n')
print('a', 'b', sep='')
print(sep='x')
print()
print('x', end='')
print('y', flush=True)
print(None, True, 1.0, [1, 'a'], {'k': (1,)}, sep=' | ')
print('to stderr', file=sys.stderr)
print('to stdout', file=sys.stdout)
print('a', 'b', sep=None, end=None)
print(*range(5), sep=', ')
print(*[], sep='x')
class S:
    def __str__(self): return 'STR'
    def __repr__(self): return 'REPR'
print(S(), [S()], f'{S()} {S()!r}')
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
    def flush(self): self.parts.append('<flush>')
w = W()
print('hello', 42, file=w, flush=True)
print(w.parts)
for kw in [{'sep': 5}, {'end': 1}, {'file': 1}, {'bogus': 1}]:
    try:
        print('x', **kw)
    except TypeError as e:
        print('TypeError', e)
print(input('prompt> '))
print(repr(input()))
print(input())
try:
    input()
except EOFError as e:
    print('EOFError', e)
