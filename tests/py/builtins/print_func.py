# print with sep, end, file, flush
import sys
print()
print('a', 'b', 'c')
print('a', 'b', sep='')
print('a', 'b', sep=' | ', end=' <end>\n')
print(1, 2.5, None, True, [1], (2,), {'k': 'v'}, sep=',')
print('no newline', end='')
print(' continued')
print('to stdout', file=sys.stdout, flush=True)
print('to stderr', file=sys.stderr)
print(*range(5), sep='-')
print('x', sep=None, end=None)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print('into', 'object', file=w)
print(w.parts)
try:
    print(sep=5)
except TypeError as e:
    print(type(e).__name__, e)
sys.stdout.write('direct write\n')
