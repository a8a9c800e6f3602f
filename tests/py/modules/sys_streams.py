# sys.stdout / sys.stderr objects, reassigning them, print to them
import sys
print(repr(sys.stdout).startswith('<_io.TextIOWrapper'), sys.stdout.name, sys.stdout.mode, sys.stdin.name, sys.stderr.name)
print(sys.stdout.writable(), sys.stdout.readable(), sys.stdin.readable(), sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdout.write('abc\n'))
sys.stdout.writelines(['x', 'y\n'])
sys.stdout.flush()
sys.stdout.buffer.write(b'bytes out\n')
sys.stdout.buffer.flush()
class Capture:
    def __init__(self):
        self.data = []
    def write(self, s):
        self.data.append(s)
        return len(s)
    def flush(self):
        pass
old = sys.stdout
cap = Capture()
sys.stdout = cap
print('captured', 1, 2)
print('more', end='')
sys.stdout = old
print(cap.data)
sys.stdout = None
print('goes nowhere')
sys.stdout = old
print('back', file=sys.stdout)
print('err line', file=sys.stderr)
sys.stderr.write('direct err\n')
print(sys.stdin.read(), repr(sys.stdin.readline()))
