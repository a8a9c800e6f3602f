# print writes each separator before it converts the next value, so output
# written before a failing __str__ stays written (CPython's builtin_print).


class Buf:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def getvalue(self):
        return ''.join(self.parts)


class Bad:
    def __str__(self):
        raise ValueError('no str')


buf = Buf()
try:
    print('a', 'b', Bad(), 'c', sep='<>', file=buf)
except ValueError as e:
    print('ValueError', e)
print(repr(buf.getvalue()))
buf = Buf()
try:
    print(Bad(), file=buf, end='!')
except ValueError as e:
    print('ValueError', e)
print(repr(buf.getvalue()))
