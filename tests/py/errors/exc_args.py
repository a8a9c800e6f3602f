# exception args, str and repr
for e in [Exception(), Exception('one'), Exception('a', 2), ValueError(''), KeyError('k'), KeyError(), KeyError('a', 'b'),
          IndexError(3), OSError(2, 'No such file'), OSError('plain'), StopIteration(5), SystemExit(3), UnicodeError('u')]:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
e = OSError(2, 'msg', 'file.txt')
print(e.errno, e.strerror, e.filename, str(e), type(e).__name__)
print(type(OSError(2, 'x')).__name__, type(OSError(13, 'x')).__name__, type(OSError(17, 'x')).__name__)
print(StopIteration(7).value, SystemExit(4).code, SystemExit().code, KeyError('k').args[0])
class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise MyError(42, 'custom message')
except MyError as err:
    print(err.code, err, err.args, repr(err))
class WithStr(Exception):
    def __str__(self): return 'overridden str'
print(str(WithStr('x')), repr(WithStr('x')))
e = ValueError('x')
e.args = ('changed',)
print(e)
print(NameError('n', name='q').name if False else 'skip', AttributeError('a').args)
