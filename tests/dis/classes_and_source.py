# dis.dis of a class (each method), a method, a source string, a code object.
import dis


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x ** 2 + self.y ** 2

    @staticmethod
    def origin():
        return Point(0, 0)


dis.dis(Point)
print('== bound method')
dis.dis(Point(1, 2).norm2)
print('== source string')
dis.dis('a = b[1:2]\nc = {"k": a}')
print('== expression string')
dis.dis('x if y else -z')
print('== code object')
dis.dis(compile('import os\nfrom sys import argv as a', '<mod>', 'exec'))
print('== try/with')
dis.dis('''
try:
    with open(p) as f:
        pass
except OSError as e:
    raise ValueError from e
finally:
    done()
''')
print(dis.opname[:3], len(dis.opname) > 50)
